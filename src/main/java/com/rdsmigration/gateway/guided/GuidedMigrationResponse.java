package com.rdsmigration.gateway.guided;

import com.rdsmigration.gateway.cloudmigration.SourceView;
import com.rdsmigration.gateway.cloudmigration.TaskNames;
import com.rdsmigration.gateway.web.FieldLimits;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A guided migration as teams see it: where it stands, what holds its cutover, and how it got there. */
@Schema(name = "GuidedMigration")
record GuidedMigrationResponse(
        UUID id,

        @Schema(example = "team-a") @Size(max = FieldLimits.TEAM)
        String team,

        @Schema(description = "The caller that created it (an API key's name, a token's subject).", example = "alice")
        @Size(max = 128)
        String createdBy,

        @Schema(example = GuidedStatus.EXAMPLE) GuidedStatus status,

        @Schema(description = "What holds the cutover back; empty unless AWAITING_CUTOVER.") @Size(max = 4)
        List<Blocker> blockers,

        @Schema(example = "pgm-bp102g323jd4xxxx", pattern = TaskNames.PG_INSTANCE_ID)
        @Size(max = FieldLimits.INSTANCE_ID)
        String targetInstanceId,

        SourceView source,

        @Schema(example = "orders-db", pattern = TaskNames.PATTERN) @Size(max = FieldLimits.TASK_NAME)
        String taskName,

        @Schema(description = "Its current precheck (/api/v1/cloud-migration-prechecks/{id}).") @Nullable
        UUID precheckId,

        @Schema(description = "Its migration (/api/v1/cloud-migrations/{id}), once created.") @Nullable
        UUID migrationId,

        @Schema(description = "The migration's upstream MigrateStage as last read.", example = "increment")
        @Size(max = FieldLimits.UPSTREAM_STATE)
        @Nullable
        String stage,

        @Schema(description = "The migration's replication state as last read.", example = "streaming")
        @Size(max = FieldLimits.UPSTREAM_STATE)
        @Nullable
        String replicationState,

        @Schema(description = "ReplayLag as last read, in seconds.", example = "0")
        @Min(0)
        @Max(Long.MAX_VALUE)
        @Nullable
        Long replayLagSeconds,

        @Size(max = 1000) List<ApprovalView> approvals,

        CutoverView cutover,

        @Schema(
                description = "When the window (or notBefore) next opens; null when it is open now, or there is none,"
                        + " or the guided migration has ended.")
        @Nullable
        Instant nextWindowStart,

        @Size(max = 1000) List<StatusChange> history,

        Instant createdAt,

        Instant updatedAt) {

    /** An approval of the cutover. */
    @Schema(name = "CutoverApproval")
    record ApprovalView(
            @Schema(example = "bob") @Size(max = 128) String by,
            Instant at,

            @Schema(example = "Checked with the orders team; go.") @Size(max = ApprovalRequest.MAX_COMMENT)
            String comment) {}

    /** A status taken, when, and why. */
    @Schema(name = "GuidedMigrationStatusChange")
    record StatusChange(
            @Schema(example = GuidedStatus.EXAMPLE) GuidedStatus status,
            Instant at,

            @Schema(example = "precheck 0f8fad5b-d9cb-469f-a165-70867728950e passed")
            @Size(max = GuidedMigration.MAX_REASON)
            @Nullable
            String reason) {}

    /** The cutover's gates as asked. */
    @Schema(name = "CutoverGatesView")
    record CutoverView(
            @Schema(example = "1") @Min(0) @Max(5) int requiredApprovals,
            @Nullable WindowView window,
            @Nullable Instant notBefore,
            @Schema(example = "0") @Min(0) @Max(86_400) int maxReplayLagSeconds) {}

    /** A weekly maintenance window. */
    @Schema(name = "MaintenanceWindowView")
    record WindowView(
            @Schema(example = "Asia/Shanghai") @Size(max = 64)
            String zone,

            @ArraySchema(schema = @Schema(example = "MONDAY", enumAsRef = true), minItems = 1, maxItems = 7)
            List<DayOfWeek> days,

            @Schema(example = "23:00", pattern = WindowRequest.TIME_PATTERN) @Size(min = 5, max = 5)
            String start,

            @Schema(example = "02:00", pattern = WindowRequest.TIME_PATTERN) @Size(min = 5, max = 5)
            String end) {}
}
