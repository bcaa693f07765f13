package com.rdsmigration.gateway.cloudmigration;

import com.rdsmigration.gateway.web.FieldLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A migration as teams see it: the upstream stage verbatim, replication details and the stages seen so far. */
@Schema(name = "Migration")
record MigrationResponse(
        UUID id,

        @Schema(example = "team-a") @Size(max = FieldLimits.TEAM)
        String team,

        @Schema(example = "pgm-bp102g323jd4xxxx", pattern = TaskNames.PG_INSTANCE_ID)
        @Size(max = FieldLimits.INSTANCE_ID)
        String targetInstanceId,

        SourceView source,

        @Schema(description = "Upstream TaskId; null until the upstream accepted the migration.", example = "440437220")
        @Min(0)
        @Max(Long.MAX_VALUE)
        @Nullable
        Long taskId,

        @Schema(example = "gw-k3j5h2l4m6n8p0q2", pattern = TaskNames.PATTERN) @Size(max = FieldLimits.TASK_NAME)
        String taskName,

        @Schema(
                description = "Upstream RequestId of the creating call; null until the upstream accepted it, or when"
                        + " its answer was lost and the task found by name.")
        @Size(max = FieldLimits.UPSTREAM_REQUEST_ID)
        @Nullable
        String requestId,

        @Schema(description = "The precheck the migration was created with, if any.") @Nullable
        UUID precheckId,

        @Schema(example = MigrationStatus.EXAMPLE) MigrationStatus status,

        @Schema(
                description = "Upstream MigrateStage: precheck, basebackup, startup, increment, switch, success; null"
                        + " until first read from upstream.",
                example = "increment")
        @Size(max = FieldLimits.UPSTREAM_STATE)
        @Nullable
        String stage,

        @Schema(
                description = "unstarted, catchup, streaming, disconnect or finish; null until the upstream reports"
                        + " one.",
                example = "streaming")
        @Size(max = FieldLimits.UPSTREAM_STATE)
        @Nullable
        String replicationState,

        @Schema(
                description = "The upstream ReplicationInfo, its JSON object parsed (or {\"text\": ...} when the"
                        + " upstream's text is not a JSON object); null until the upstream reports it.",
                types = {"object"},
                additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                implementation = Object.class,
                example = "{\"Status\": \"streaming\", \"ReceivedLsn\": \"0/3C00000\", \"ReplayLsn\": \"0/3C00000\","
                        + " \"ReplayLag\": \"0\", \"Synced\": \"true\"}")
        @Nullable
        JsonNode replicationInfo,

        @Schema(
                description = "Whether the migration needs attention; alert on anything but HEALTHY. DEGRADED: the"
                        + " replication link is down (replicationState disconnect) while the migration runs; FAILED:"
                        + " the migration failed; HEALTHY: neither. The metric"
                        + " gateway_tracking_replication_degraded counts DEGRADED migrations.",
                example = "HEALTHY")
        MigrationHealth health,

        @Schema(description = "When the upstream switched over; null before.") @Nullable
        Instant switchTime,

        @Schema(
                description = "The stages seen so far, in order: the six documented, and room for stages the upstream"
                        + " may add.")
        @Size(max = 16)
        List<StageEntry> stageHistory,

        @Schema(description = "When the state was last read from upstream; null before the first read.") @Nullable
        Instant syncedAt,

        Instant createdAt,
        Instant updatedAt) {

    /** A stage and when the gateway first saw it. */
    record StageEntry(
            @Schema(example = "basebackup") @Size(max = FieldLimits.UPSTREAM_STATE)
            String stage,

            Instant firstSeenAt) {}
}
