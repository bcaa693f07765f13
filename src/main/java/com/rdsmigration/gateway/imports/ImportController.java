package com.rdsmigration.gateway.imports;

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
@RequestMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Imports",
        description = "Copy SQL Server databases from one RDS instance into another (upstream action"
                + " ImportDatabaseBetweenInstances, a legacy action the upstream may retire). No upstream action reports"
                + " an import's progress: its status is RUNNING once accepted, CANCELLED after a cancel, and SUCCEEDED or"
                + " FAILED when a cancel learns that it had already ended.")
class ImportController {

    private final ImportService imports;
    private final ImportResponses responses;

    ImportController(ImportService imports, ImportResponses responses) {
        this.imports = imports;
        this.responses = responses;
    }

    @PostMapping
    @CreatesIntent
    @Operation(
            operationId = "createImport",
            summary = "Start an import between two SQL Server instances",
            description = "Checks that both instances are your team's, records the intent, then calls"
                    + " ImportDatabaseBetweenInstances. The answer is the import, RUNNING once the upstream accepted"
                    + " it; when the upstream's answer is lost it is kept as UNKNOWN and reconciled (503 with"
                    + " `outcome` UNKNOWN).")
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
            action = RdsActions.IMPORT_DATABASE_BETWEEN_INSTANCES,
            instance = "rm-b-uf6wjk5xxxxxxx")
    ResponseEntity<ImportResponse> create(
            @AuthenticationPrincipal Caller caller, @Valid @RequestBody CreateImportRequest request) {
        ImportResponse created = responses.of(imports.create(caller, request));
        return ResponseEntity.created(URI.create("/api/v1/imports/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getImport",
            summary = "Read one import",
            description = "From the gateway's store: no upstream action reads an import's progress.")
    @ProblemAnswers(NOT_FOUND)
    ImportResponse get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return responses.of(imports.get(caller, id));
    }

    @GetMapping
    @Operation(
            operationId = "listImports",
            summary = "List your team's imports, newest first",
            description = "A page of your team's imports (every team's for administrators), from the gateway's"
                    + " store; filters combine.")
    PageResponse<ImportResponse> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable ImportStatus status,
            @Valid @ParameterObject ListParams params) {
        return PageResponse.of(imports.list(caller, status, params), responses::of);
    }

    @PostMapping("/{id}/cancel")
    @Operation(
            operationId = "cancelImport",
            summary = "Cancel a running import (upstream action CancelImport)",
            description = "Only a RUNNING import can be cancelled; the answer is the import, CANCELLED. When the"
                    + " upstream answers that the import had already ended, the import takes the state it names and"
                    + " the answer is 409.")
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
            action = RdsActions.CANCEL_IMPORT,
            instance = "rm-b-uf6wjk5xxxxxxx")
    @ProblemCase(
            type = ProblemType.CONFLICT,
            name = "importNotRunning",
            when = "The import is not RUNNING (or has no upstream ImportId yet).",
            detail = "The import is CANCELLED; only a RUNNING import can be cancelled.")
    @ProblemCase(
            type = ProblemType.CONFLICT,
            name = "importAlreadyEnded",
            when = "The upstream answered that the import had already ended; it now shows that state.",
            detail = "The import had already ended: it is SUCCEEDED.")
    ImportResponse cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return responses.of(imports.cancel(caller, id));
    }
}
