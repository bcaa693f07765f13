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
    @Operation(operationId = "createMigration", summary = "Start a migration (CreateCloudMigrationTask)")
    @ApiResponse(responseCode = "201", description = "Created; `Location` names it.", useReturnTypeSchema = true)
    ResponseEntity<MigrationResponse> create(
            @AuthenticationPrincipal Caller caller, @Valid @RequestBody CreateMigrationRequest request) {
        MigrationResponse created = responses.migration(service.createMigration(caller, request));
        return ResponseEntity.created(URI.create("/api/v1/cloud-migrations/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getMigration",
            summary = "Read a migration's progress (DescribeCloudMigrationResult when the stored state is old)")
    MigrationResponse get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return responses.migration(service.get(caller, TaskKind.MIGRATION, id));
    }

    @GetMapping
    @Operation(operationId = "listMigrations", summary = "List your team's migrations, newest first")
    PageResponse<MigrationResponse> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable MigrationStatus status,
            @Valid @ParameterObject ListParams params) {
        return PageResponse.of(
                service.list(caller, TaskKind.MIGRATION, status == null ? null : status.name(), params),
                responses::migration);
    }

    @PostMapping("/{id}/switchover")
    @Operation(
            operationId = "switchOverMigration",
            summary = "Switch over to the RDS instance (ActivateMigrationTargetInstance); only in stage increment",
            description = "Reads the stage fresh from upstream first and answers 409, without calling the upstream,"
                    + " unless it is increment.")
    MigrationResponse switchover(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return responses.migration(service.switchover(caller, id));
    }
}
