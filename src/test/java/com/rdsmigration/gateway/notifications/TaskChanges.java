package com.rdsmigration.gateway.notifications;

import com.rdsmigration.gateway.cloudmigration.CloudMigrationChanged;
import java.time.Instant;
import java.util.UUID;

/** Changes of a task as the progress tracker publishes them, for the tests of what webhooks send. */
final class TaskChanges {

    static final Instant CHANGED_AT = Instant.parse("2026-05-01T08:00:00.123456Z");

    private TaskChanges() {}

    static CloudMigrationChanged precheckPassed(UUID id, String team) {
        return new CloudMigrationChanged(
                id, "precheck", team, 4242L, "orders-precheck", "RUNNING", "PASSED", null, null, null, CHANGED_AT);
    }

    static CloudMigrationChanged stage(UUID id, String team, String previousStage, String stage) {
        return new CloudMigrationChanged(
                id,
                "migration",
                team,
                77L,
                "orders",
                "RUNNING",
                "RUNNING",
                previousStage,
                stage,
                "catchup",
                CHANGED_AT);
    }
}
