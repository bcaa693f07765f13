package com.rdsmigration.gateway.cloudmigration;

import org.jspecify.annotations.Nullable;

/** Where a migration stands, derived from the upstream's MigrateStage. */
enum MigrationStatus {
    PENDING,
    UNKNOWN,
    RUNNING,
    SWITCHING,
    SUCCEEDED,
    FAILED;

    static MigrationStatus ofStage(@Nullable String stage) {
        if (stage == null) {
            return RUNNING;
        }
        return switch (stage) {
            case "switch" -> SWITCHING;
            case "success" -> SUCCEEDED;
            default -> RUNNING;
        };
    }

    boolean isFinal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
