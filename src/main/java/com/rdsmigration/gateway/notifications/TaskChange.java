package com.rdsmigration.gateway.notifications;

import com.rdsmigration.gateway.cloudmigration.CloudMigrationChanged;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The {@code task} of a delivery: the precheck or migration and what changed, as the change event told it. */
record TaskChange(
        UUID id,
        String kind,
        @Nullable Long taskId,
        String taskName,
        String status,
        @Nullable String previousStatus,
        @Nullable String stage,
        @Nullable String previousStage,
        @Nullable String replicationState) {

    static TaskChange of(CloudMigrationChanged change) {
        return new TaskChange(
                change.id(),
                change.kind(),
                change.taskId(),
                change.taskName(),
                change.status(),
                change.previousStatus(),
                change.stage(),
                change.previousStage(),
                change.replicationState());
    }
}
