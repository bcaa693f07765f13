package com.rdsmigration.gateway.cloudmigration;

import com.rdsmigration.gateway.rds.wire.MigrationResultItem;
import com.rdsmigration.gateway.rds.wire.PrecheckResultItem;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a Describe call reported about one task. */
public record UpstreamState(
        @Nullable String stage,
        @Nullable String replicationState,
        @Nullable String replicationInfo,
        @Nullable String detail,
        @Nullable Instant switchTime) {

    static UpstreamState of(PrecheckResultItem item) {
        return new UpstreamState(null, null, null, item.detail(), null);
    }

    static UpstreamState of(MigrationResultItem item) {
        return new UpstreamState(
                item.migrateStage(),
                item.replicationState(),
                item.replicationInfo(),
                item.detail(),
                parseTime(item.switchTime()));
    }

    /** The gateway status of {@code task} once it is in this state. */
    TaskStatus statusFor(CloudMigrationTask task) {
        if (task.getKind() == TaskKind.PRECHECK) {
            return PrecheckReport.parse(detail).status().stored();
        }
        MigrationStatus status = MigrationStatus.ofStage(stage);
        // Once a switchover is requested the upstream may still report increment for a moment: stay SWITCHING.
        return task.getSwitchTaskId() != null && status == MigrationStatus.RUNNING
                ? TaskStatus.SWITCHING
                : status.stored();
    }

    private static @Nullable Instant parseTime(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
