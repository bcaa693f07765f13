package com.rdsmigration.gateway.cloudmigration;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A migration as teams see it: the upstream stage verbatim, replication details and the stages seen so far. */
@Schema(name = "Migration")
record MigrationResponse(
        UUID id,
        @Schema(example = "team-a") String team,
        @Schema(example = "pgm-bp102g323jd4xxxx") String targetInstanceId,
        SourceView source,
        @Schema(example = "440437220") @Nullable Long taskId,
        @Schema(example = "gw-k3j5h2l4m6n8p0q2") String taskName,
        @Nullable String requestId,
        @Nullable UUID precheckId,
        @Schema(example = "RUNNING") MigrationStatus status,

        @Schema(
                description = "Upstream MigrateStage: precheck, basebackup, startup, increment, switch, success.",
                example = "increment")
        @Nullable
        String stage,

        @Schema(description = "unstarted, catchup, streaming, disconnect or finish.", example = "streaming") @Nullable
        String replicationState,

        @Schema(description = "The upstream ReplicationInfo, parsed.") @Nullable
        JsonNode replicationInfo,

        @Schema(
                description = "Whether the migration needs attention; alert on anything but HEALTHY. DEGRADED: the"
                        + " replication link is down (replicationState disconnect) while the migration runs; FAILED:"
                        + " the migration failed; HEALTHY: neither. The metric"
                        + " gateway_tracking_replication_degraded counts DEGRADED migrations.",
                example = "HEALTHY")
        MigrationHealth health,

        @Nullable Instant switchTime,
        List<StageEntry> stageHistory,
        @Nullable Instant syncedAt,
        Instant createdAt,
        Instant updatedAt) {

    /** A stage and when the gateway first saw it. */
    record StageEntry(@Schema(example = "basebackup") String stage, Instant firstSeenAt) {}
}
