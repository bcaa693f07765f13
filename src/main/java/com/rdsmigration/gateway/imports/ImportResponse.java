package com.rdsmigration.gateway.imports;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.web.FieldLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An import task as teams see it; its bounds are those its creation was checked against. */
@Schema(name = "Import")
record ImportResponse(
        @Schema(description = "Gateway id of the task.", example = "0f8fad5b-d9cb-469f-a165-70867728950e")
        UUID id,

        @Schema(example = "team-a") @Size(max = FieldLimits.TEAM)
        String team,

        @Schema(example = "rm-uf6wjk5xxxxxxx", pattern = CreateImportRequest.INSTANCE_ID)
        @Size(max = FieldLimits.INSTANCE_ID)
        String sourceInstanceId,

        @Schema(example = "rm-g4a1jk8xxxxxxx", pattern = CreateImportRequest.INSTANCE_ID)
        @Size(max = FieldLimits.INSTANCE_ID)
        String targetInstanceId,

        @Schema(
                description = "Source database name to target database name (SQL Server identifiers).",
                example = "{\"sales\": \"sales\"}",
                minProperties = 1,
                maxProperties = DatabaseNames.MAX_DATABASES)
        Map<String, @Size(min = 1, max = DatabaseNames.MAX_NAME_LENGTH) String> databases,

        @Schema(
                description = "Upstream ImportId (decimal text; it can exceed 32 bits); null until the upstream"
                        + " accepted the import.",
                example = "85265475235",
                pattern = "^[0-9]+$")
        @Size(max = 32)
        @Nullable
        String importId,

        @Schema(
                description = "Upstream RequestId of the call that created the import; null until the upstream"
                        + " accepted it.",
                example = "5A77D650-27A1-4E08-AD9E-59008EDB6927")
        @Size(max = FieldLimits.UPSTREAM_REQUEST_ID)
        @Nullable
        String requestId,

        @Schema(
                description = "What the gateway knows: no upstream action reads an import's progress.",
                example = ImportStatus.EXAMPLE)
        ImportStatus status,

        @Schema(
                description = "The upstream action that created it, with its API version.",
                example = ImportResponse.UPSTREAM_ACTION,
                allowableValues = ImportResponse.UPSTREAM_ACTION)
        String upstreamAction,

        Instant createdAt,
        Instant updatedAt) {

    static final String UPSTREAM_ACTION =
            RdsActions.IMPORT_DATABASE_BETWEEN_INSTANCES + " (" + RdsActions.VERSION + ")";
}
