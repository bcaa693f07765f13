package com.rdsmigration.gateway.imports;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An import task as teams see it. */
@Schema(name = "Import")
record ImportResponse(
        @Schema(description = "Gateway id of the task.", example = "0f8fad5b-d9cb-469f-a165-70867728950e")
        UUID id,

        @Schema(example = "team-a") String team,
        @Schema(example = "rm-uf6wjk5xxxxxxx") String sourceInstanceId,
        @Schema(example = "rm-g4a1jk8xxxxxxx") String targetInstanceId,

        @Schema(description = "Source database name to target database name.", example = "{\"sales\": \"sales\"}")
        Map<String, String> databases,

        @Schema(description = "Upstream ImportId (decimal text; it can exceed 32 bits).", example = "85265475235")
        @Nullable
        String importId,

        @Schema(
                description = "Upstream RequestId of the call that created the import.",
                example = "5A77D650-27A1-4E08-AD9E-59008EDB6927")
        @Nullable
        String requestId,

        @Schema(
                description = "What the gateway knows: no upstream action reads an import's progress.",
                example = "RUNNING")
        ImportStatus status,

        @Schema(
                description = "The upstream action that created it, with its API version.",
                example = "ImportDatabaseBetweenInstances (2014-08-15)")
        String upstreamAction,

        Instant createdAt,
        Instant updatedAt) {}
