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
@RequestMapping(path = "/api/v1/cloud-migration-prechecks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Cloud migration prechecks",
        description = "Before migrating a self-managed PostgreSQL into RDS, the upstream assesses it (connectivity,"
                + " privileges, versions, disk, WAL settings...). Create a precheck, then read it until its status is"
                + " PASSED or FAILED; checks lists every line of the report.")
class PrecheckController {

    private final CloudMigrationService service;
    private final CloudMigrationResponses responses;

    PrecheckController(CloudMigrationService service, CloudMigrationResponses responses) {
        this.service = service;
        this.responses = responses;
    }

    @PostMapping
    @CreatesIntent
    @Operation(
            operationId = "createPrecheck",
            summary = "Start a precheck (CreateCloudMigrationPrecheckTask)",
            description = "Checks that the target instance is your team's, records the intent, then asks the"
                    + " upstream to assess the source. The answer is the precheck, RUNNING; read it until it is"
                    + " PASSED or FAILED. The source's password goes upstream and nowhere else.")
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
            detail = "Task name orders-db-precheck is already used on pgm-bp102g323jd4xxxx.")
    ResponseEntity<PrecheckResponse> create(
            @AuthenticationPrincipal Caller caller, @Valid @RequestBody CreatePrecheckRequest request) {
        PrecheckResponse created = responses.precheck(service.createPrecheck(caller, request));
        return ResponseEntity.created(URI.create("/api/v1/cloud-migration-prechecks/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getPrecheck",
            summary =
                    "Read a precheck and its report (DescribeCloudMigrationPrecheckResult when the stored state is old)",
            description = "A RUNNING precheck whose stored state is older than `gateway.tracking.max-staleness` is"
                    + " read from upstream first; if that read fails for a passing reason, the stored state is"
                    + " answered, else the upstream's refusal.")
    @ProblemAnswers(
            value = {NOT_FOUND, UPSTREAM_REFUSED_STATE, UPSTREAM_REFUSED_PARAMETERS, UPSTREAM_ERROR},
            action = RdsActions.DESCRIBE_CLOUD_MIGRATION_PRECHECK_RESULT,
            instance = "pgm-bp102g323jd4xxxx")
    PrecheckResponse get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return responses.precheck(service.get(caller, TaskKind.PRECHECK, id));
    }

    @GetMapping
    @Operation(
            operationId = "listPrechecks",
            summary = "List your team's prechecks, newest first",
            description = "A page of your team's prechecks (every team's for administrators), from the gateway's"
                    + " store, never read upstream; filters combine.")
    PageResponse<PrecheckResponse> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable PrecheckStatus status,
            @Valid @ParameterObject ListParams params) {
        return PageResponse.of(
                service.list(caller, TaskKind.PRECHECK, status == null ? null : status.stored(), params),
                responses::precheck);
    }
}
