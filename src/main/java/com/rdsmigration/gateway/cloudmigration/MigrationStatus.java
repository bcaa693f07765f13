package com.rdsmigration.gateway.cloudmigration;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where a migration stands, derived from the upstream's MigrateStage. */
enum MigrationStatus {
    PENDING,
    UNKNOWN,
    RUNNING,
    SWITCHING,
    SUCCEEDED,
    FAILED;

    /** The upstream's MigrateStage values in the order a migration goes through them. */
    static final List<String> STAGES = List.of("precheck", "basebackup", "startup", "increment", "switch", "success");

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
