package com.rdsmigration.gateway.cloudmigration;

import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.system.ListParams;
import com.rdsmigration.gateway.system.PageResponse;
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
    @Operation(operationId = "createPrecheck", summary = "Start a precheck (CreateCloudMigrationPrecheckTask)")
    @ApiResponse(responseCode = "201", description = "Created; `Location` names it.", useReturnTypeSchema = true)
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
                    "Read a precheck and its report (DescribeCloudMigrationPrecheckResult when the stored state is old)")
    PrecheckResponse get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return responses.precheck(service.get(caller, TaskKind.PRECHECK, id));
    }

    @GetMapping
    @Operation(operationId = "listPrechecks", summary = "List your team's prechecks, newest first")
    PageResponse<PrecheckResponse> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable PrecheckStatus status,
            @Valid @ParameterObject ListParams params) {
        return PageResponse.of(
                service.list(caller, TaskKind.PRECHECK, status == null ? null : status.name(), params),
                responses::precheck);
    }
}
