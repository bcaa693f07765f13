package com.rdsmigration.gateway.guided;

import static com.rdsmigration.gateway.problem.ProblemAnswer.INSTANCE_NOT_OWNED;
import static com.rdsmigration.gateway.problem.ProblemAnswer.NOT_FOUND;
import static com.rdsmigration.gateway.problem.ProblemAnswer.OUTCOME_UNKNOWN;
import static com.rdsmigration.gateway.problem.ProblemAnswer.OWNERSHIP_UNKNOWN;
import static com.rdsmigration.gateway.problem.ProblemAnswer.UPSTREAM_ERROR;
import static com.rdsmigration.gateway.problem.ProblemAnswer.UPSTREAM_LIMITED;
import static com.rdsmigration.gateway.problem.ProblemAnswer.UPSTREAM_REFUSED_PARAMETERS;
import static com.rdsmigration.gateway.problem.ProblemAnswer.UPSTREAM_REFUSED_STATE;
import static com.rdsmigration.gateway.problem.ProblemAnswer.UPSTREAM_UNAVAILABLE;

import com.rdsmigration.gateway.problem.ProblemAnswers;
import com.rdsmigration.gateway.problem.ProblemCase;
import com.rdsmigration.gateway.problem.ProblemType;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.web.ListParams;
import com.rdsmigration.gateway.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/guided-migrations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Guided migrations",
        description = "One resource for a whole PostgreSQL migration into RDS: the gateway creates the precheck, then"
                + " the migration, waits in stage increment and starts the cutover (ActivateMigrationTargetInstance)"
                + " by itself once no blocker is left: the approvals, the maintenance window, a streaming replication"
                + " within the lag allowed. Exactly one cutover per guided migration, whatever fails on the way.")
class GuidedMigrationController {

    private static final String ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    private final GuidedMigrationService service;
    private final GuidedMigrationResponses responses;

    GuidedMigrationController(GuidedMigrationService service, GuidedMigrationResponses responses) {
        this.service = service;
        this.responses = responses;
    }

    @PostMapping
    @Operation(
            operationId = "createGuidedMigration",
            summary = "Start a guided migration (its precheck is created at once)",
            description = "Checks that the target instance is your team's and creates the precheck"
                    + " (CreateCloudMigrationPrecheckTask) in this request: a refusal answers now and keeps nothing."
                    + " The gateway drives the rest; follow it with GET, or a webhook (GuidedMigrationChanged).")
    @ApiResponse(responseCode = "201", description = "Created; `Location` names it.", useReturnTypeSchema = true)
    @ProblemAnswers(
            value = {
                INSTANCE_NOT_OWNED,
                OWNERSHIP_UNKNOWN,
                UPSTREAM_LIMITED,
                UPSTREAM_REFUSED_STATE,
                UPSTREAM_REFUSED_PARAMETERS,
                UPSTREAM_ERROR,
                UPSTREAM_UNAVAILABLE,
                OUTCOME_UNKNOWN
            },
            action = RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK,
            instance = "pgm-b-bp102g323jd4xxxx")
    @ProblemCase(
            type = ProblemType.CONFLICT,
            name = "taskNameTaken",
            when = "The task name is already used for a precheck on this instance.",
            detail = "Task name orders-db is already used on pgm-bp102g323jd4xxxx.")
    ResponseEntity<GuidedMigrationResponse> create(
            @AuthenticationPrincipal Caller caller, @Valid @RequestBody CreateGuidedMigrationRequest request) {
        GuidedMigrationResponse created = responses.of(service.create(caller, request));
        return ResponseEntity.created(URI.create("/api/v1/guided-migrations/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getGuidedMigration",
            summary = "Read a guided migration: its status, blockers and history",
            description = "From the gateway's store, as the driver last recorded it; the blockers and the next window"
                    + " are judged as of now.")
    @ProblemAnswers(value = {NOT_FOUND})
    GuidedMigrationResponse get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return responses.of(service.get(caller, id));
    }

    @GetMapping
    @Operation(
            operationId = "listGuidedMigrations",
            summary = "List your team's guided migrations, newest first",
            description =
                    "A page of your team's guided migrations (every team's for administrators); filters" + " combine.")
    PageResponse<GuidedMigrationResponse> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable GuidedStatus status,
            @Valid @ParameterObject ListParams params) {
        return PageResponse.of(service.list(caller, status, params), responses::of);
    }

    @PostMapping("/{id}/approvals")
    @Operation(
            operationId = "approveGuidedMigration",
            summary = "Approve the cutover",
            description = "By a caller of the owning team other than the creator, or an administrator; one approval"
                    + " per caller, before the cutover is decided.")
    @ApiResponse(responseCode = "201", description = "Approved.", useReturnTypeSchema = true)
    @ProblemAnswers(value = {NOT_FOUND})
    @ProblemCase(
            type = ProblemType.SELF_APPROVAL,
            name = "selfApproval",
            when = "The caller created the guided migration.",
            detail = "Guided migration " + ID + " was created by you; its cutover is approved by someone else.")
    @ProblemCase(
            type = ProblemType.CONFLICT,
            name = "alreadyApproved",
            when = "The caller approved it already, or its cutover is already decided.",
            detail = "Guided migration " + ID + " is AWAITING_CUTOVER: you approved it already; one approval per"
                    + " caller.")
    ResponseEntity<GuidedMigrationResponse> approve(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody ApprovalRequest request) {
        return ResponseEntity.status(201)
                .body(responses.of(service.approve(caller, id, Objects.requireNonNull(request.comment()))));
    }

    @PostMapping("/{id}/cutover")
    @Operation(
            operationId = "startGuidedMigrationCutover",
            summary = "Start the cutover now, outside the window (ActivateMigrationTargetInstance)",
            description = "Only while AWAITING_CUTOVER and with every approval given; a replication that is not"
                    + " streaming or lags more than allowed holds it unless `acceptLag` is true. The answer shows"
                    + " SWITCHING once the Activate is sent.")
    @ProblemAnswers(
            value = {NOT_FOUND, INSTANCE_NOT_OWNED, OWNERSHIP_UNKNOWN},
            action = RdsActions.ACTIVATE_MIGRATION_TARGET_INSTANCE,
            instance = "pgm-b-bp102g323jd4xxxx")
    @ProblemCase(
            type = ProblemType.CONFLICT,
            name = "notAwaitingCutover",
            when = "The guided migration is not AWAITING_CUTOVER, or a blocker other than the window holds it;"
                    + " `blockers` lists them.",
            detail = "Guided migration " + ID + " is MIGRATING: a cutover is started only while AWAITING_CUTOVER.")
    GuidedMigrationResponse cutover(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) @Nullable StartCutoverRequest request) {
        boolean acceptLag = request != null && Boolean.TRUE.equals(request.acceptLag());
        return responses.of(service.cutover(caller, id, acceptLag));
    }

    @PostMapping("/{id}/cancel")
    @Operation(
            operationId = "cancelGuidedMigration",
            summary = "Stop driving it, before the cutover",
            description = "The gateway stops driving it. RDS has no cancel for cloud migrations: a migration already"
                    + " created keeps replicating until it is released in the RDS console.")
    @ProblemAnswers(value = {NOT_FOUND})
    @ProblemCase(
            type = ProblemType.CONFLICT,
            name = "cutoverDecided",
            when = "The cutover is already decided (SWITCHING) or the guided migration has ended.",
            detail = "Guided migration " + ID + " is SWITCHING: a guided migration is cancelled only before its"
                    + " cutover.")
    GuidedMigrationResponse cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return responses.of(service.cancel(caller, id));
    }

    @PostMapping("/{id}/retry")
    @Operation(
            operationId = "retryGuidedMigration",
            summary = "After PRECHECK_FAILED, run a new precheck",
            description = "Creates a new precheck (CreateCloudMigrationPrecheckTask) in this request.")
    @ProblemAnswers(
            value = {NOT_FOUND, INSTANCE_NOT_OWNED, OWNERSHIP_UNKNOWN},
            action = RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK,
            instance = "pgm-b-bp102g323jd4xxxx")
    @ProblemCase(
            type = ProblemType.CONFLICT,
            name = "precheckNotFailed",
            when = "The guided migration's precheck did not fail.",
            detail = "Guided migration " + ID + " is MIGRATING: only a guided migration whose precheck failed is"
                    + " retried.")
    GuidedMigrationResponse retry(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return responses.of(service.retry(caller, id));
    }
}
