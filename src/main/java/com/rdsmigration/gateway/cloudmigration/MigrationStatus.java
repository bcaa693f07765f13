package com.rdsmigration.gateway.cloudmigration;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a migration stands, as the API shows it, derived from the upstream's MigrateStage. Each value is the stored
 * {@link TaskStatus} of the same name.
 */
public enum MigrationStatus {
    PENDING(TaskStatus.PENDING),
    UNKNOWN(TaskStatus.UNKNOWN),
    RUNNING(TaskStatus.RUNNING),
    SWITCHING(TaskStatus.SWITCHING),
    SUCCEEDED(TaskStatus.SUCCEEDED),
    FAILED(TaskStatus.FAILED);

    /** An example for the API document. */
    static final String EXAMPLE = "RUNNING";

    /** The upstream's MigrateStage values in the order a migration goes through them. */
    public static final List<String> STAGES =
            List.of("precheck", "basebackup", "startup", "increment", "switch", "success");

    private final TaskStatus stored;

    MigrationStatus(TaskStatus stored) {
        this.stored = stored;
    }

    /** The status a migration in this state is stored with. */
    TaskStatus stored() {
        return stored;
    }

    /** The view of a stored migration's status; a status no migration takes is refused. */
    static MigrationStatus of(TaskStatus stored) {
        for (MigrationStatus status : values()) {
            if (status.stored == stored) {
                return status;
            }
        }
        throw new IllegalStateException("A migration cannot be " + stored);
    }

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
