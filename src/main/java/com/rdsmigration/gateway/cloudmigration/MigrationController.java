package com.rdsmigration.gateway.cloudmigration;

import static com.rdsmigration.gateway.problem.ProblemAnswer.INSTANCE_NOT_OWNED;
import static com.rdsmigration.gateway.problem.ProblemAnswer.NOT_FOUND;
import static com.rdsmigration.gateway.problem.ProblemAnswer.OUTCOME_UNKNOWN;
import static com.rdsmigration.gateway.problem.ProblemAnswer.OWNERSHIP_UNKNOWN;
import static com.rdsmigration.gateway.problem.ProblemAnswer.UPSTREAM_ERROR;
import static com.rdsmigration.gateway.problem.ProblemAnswer.UPSTREAM_LIMITED;
import static com.rdsmigration.gateway.problem.ProblemAnswer.UPSTREAM_REFUSED_PARAMETERS;
import static com.rdsmigration.gateway.problem.ProblemAnswer.UPSTREAM_REFUSED_STATE;
import static com.rdsmigration.gateway.problem.ProblemAnswer.UPSTREAM_UNAVAILABLE;

import com.rdsmigration.gateway.intent.CreatesIntent;
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
@RequestMapping(path = "/api/v1/cloud-migrations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Cloud migrations",
        description = "Migrate a self-managed PostgreSQL into RDS: a full base backup, then streaming replication. The"
                + " stage goes precheck, basebackup, startup, increment; in increment the RDS instance follows the"
                + " source and you may switch over, after which it goes switch, success.")
class MigrationController {

    private final CloudMigrationService service;
    private final CloudMigrationResponses responses;

    MigrationController(CloudMigrationService service, CloudMigrationResponses responses) {
        this.service = service;
        this.responses = responses;
    }

    @PostMapping
    @CreatesIntent
    @Operation(
            operationId = "createMigration",
            summary = "Start a migration (CreateCloudMigrationTask)",
            description = "Checks that the target instance is your team's and, when `precheckId` is given, that it"
                    + " is a PASSED precheck of the same target and source; one migration at a time per instance."
                    + " The answer is the migration, RUNNING; read it to follow its stage.")
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
            action = RdsActions.CREATE_CLOUD_MIGRATION_TASK,
            instance = "pgm-b-bp102g323jd4xxxx")
    @ProblemCase(
            type = ProblemType.VALIDATION_FAILED,
            name = "precheckMismatch",
            when = "`precheckId` names no precheck of your team, or one of another target instance or source.",
            detail = "The precheckId is a precheck of another target instance or source.")
    @ProblemCase(
            type = ProblemType.CONFLICT,
            name = "precheckNotPassed",
            when = "The precheck `precheckId` names has not PASSED.",
            detail = "Precheck 0f8fad5b-d9cb-469f-a165-70867728950e is FAILED; a migration needs a PASSED one.")
    @ProblemCase(
            type = ProblemType.CONFLICT,
            name = "instanceBusy",
            when = "A migration is already in progress on the target instance (whoever's it is).",
            detail = "Instance pgm-bp102g323jd4xxxx is busy: a migration is already in progress on it, and a"
                    + " switchover acts on the whole instance, so only one migration may run on it at a time.")
    @ProblemCase(
            type = ProblemType.CONFLICT,
            name = "taskNameTaken",
            when = "The task name is already used for a migration on this instance.",
            detail = "Task name orders-db is already used on pgm-bp102g323jd4xxxx.")
    ResponseEntity<MigrationResponse> create(
            @AuthenticationPrincipal Caller caller, @Valid @RequestBody CreateMigrationRequest request) {
        MigrationResponse created = responses.migration(service.createMigration(caller, request));
        return ResponseEntity.created(URI.create("/api/v1/cloud-migrations/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getMigration",
            summary = "Read a migration's progress (DescribeCloudMigrationResult when the stored state is old)",
            description = "A RUNNING or SWITCHING migration whose stored state is older than"
                    + " `gateway.tracking.max-staleness` is read from upstream first; if that read fails for a passing"
                    + " reason, the stored state is answered, else the upstream's refusal.")
    @ProblemAnswers(
            value = {NOT_FOUND, UPSTREAM_REFUSED_STATE, UPSTREAM_REFUSED_PARAMETERS, UPSTREAM_ERROR},
            action = RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT,
            instance = "pgm-bp102g323jd4xxxx")
    MigrationResponse get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return responses.migration(service.get(caller, TaskKind.MIGRATION, id));
    }

    @GetMapping
    @Operation(
            operationId = "listMigrations",
            summary = "List your team's migrations, newest first",
            description = "A page of your team's migrations (every team's for administrators), from the gateway's"
                    + " store, never read upstream; filters combine.")
    PageResponse<MigrationResponse> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable MigrationStatus status,
            @Valid @ParameterObject ListParams params) {
        return PageResponse.of(
                service.list(caller, TaskKind.MIGRATION, status == null ? null : status.stored(), params),
                responses::migration);
    }

    @PostMapping("/{id}/switchover")
    @Operation(
            operationId = "switchOverMigration",
            summary = "Switch over to the RDS instance (ActivateMigrationTargetInstance); only in stage increment",
            description = "Reads the stage fresh from upstream first and answers 409, without calling"
                    + " ActivateMigrationTargetInstance, unless it is increment. The answer is the migration; its"
                    + " status becomes SWITCHING, then SUCCEEDED when the stage reaches success.")
    @ProblemAnswers(
            value = {
                NOT_FOUND,
                INSTANCE_NOT_OWNED,
                OWNERSHIP_UNKNOWN,
                UPSTREAM_LIMITED,
                UPSTREAM_REFUSED_STATE,
                UPSTREAM_REFUSED_PARAMETERS,
                UPSTREAM_ERROR,
                UPSTREAM_UNAVAILABLE
            },
            action = RdsActions.ACTIVATE_MIGRATION_TARGET_INSTANCE,
            instance = "pgm-b-bp102g323jd4xxxx")
    @ProblemCase(
            type = ProblemType.CONFLICT,
            name = "notInIncrement",
            when = "The migration's stage, read fresh from upstream, is not increment; `stage` names it.",
            detail = "Cannot switch over migration 0f8fad5b-d9cb-469f-a165-70867728950e: its stage is basebackup; a"
                    + " switchover needs stage increment.")
    @ProblemCase(
            type = ProblemType.CONFLICT,
            name = "switchoverAlreadyRequested",
            when = "A switchover of this migration was already requested.",
            detail = "Cannot switch over migration 0f8fad5b-d9cb-469f-a165-70867728950e: a switchover was already"
                    + " requested (upstream task 455).")
    @ProblemCase(
            type = ProblemType.CONFLICT,
            name = "noUpstreamTask",
            when = "The migration has no upstream task yet (PENDING or UNKNOWN).",
            detail = "Cannot switch over migration 0f8fad5b-d9cb-469f-a165-70867728950e: the migration is UNKNOWN and"
                    + " has no upstream task yet.")
    @ProblemCase(
            type = ProblemType.CONFLICT,
            name = "governedByGuidedMigration",
            when = "A guided migration drives this migration: its cutover is approved and started there.",
            detail = "Cannot switch over migration 0f8fad5b-d9cb-469f-a165-70867728950e: guided migration"
                    + " 7c9e6679-7425-40de-944b-e07fc1f90ae7 drives it; its cutover is approved and started there"
                    + " (/api/v1/guided-migrations/7c9e6679-7425-40de-944b-e07fc1f90ae7).")
    MigrationResponse switchover(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return responses.migration(service.switchover(caller, id));
    }
}
