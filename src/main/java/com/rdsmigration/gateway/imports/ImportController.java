package com.rdsmigration.gateway.imports;

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
@RequestMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Imports",
        description = "Copy SQL Server databases from one RDS instance into another (upstream action"
                + " ImportDatabaseBetweenInstances, a legacy action the upstream may retire). No upstream action reports"
                + " an import's progress: its status is RUNNING once accepted, CANCELLED after a cancel, and SUCCEEDED or"
                + " FAILED when a cancel learns that it had already ended.")
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping
    @Operation(operationId = "createImport", summary = "Start an import between two SQL Server instances")
    @ApiResponse(responseCode = "201", description = "Created; `Location` names it.", useReturnTypeSchema = true)
    ResponseEntity<ImportResponse> create(
            @AuthenticationPrincipal Caller caller, @Valid @RequestBody CreateImportRequest request) {
        ImportResponse created = imports.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/imports/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getImport", summary = "Read one import")
    ImportResponse get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return imports.get(caller, id);
    }

    @GetMapping
    @Operation(operationId = "listImports", summary = "List your team's imports, newest first")
    PageResponse<ImportResponse> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable ImportStatus status,
            @Valid @ParameterObject ListParams params) {
        return PageResponse.of(imports.list(caller, status, params), imports::toResponse);
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelImport", summary = "Cancel a running import (upstream action CancelImport)")
    ImportResponse cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return imports.cancel(caller, id);
    }
}
