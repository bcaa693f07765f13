package com.rdsmigration.gateway.cloudmigration;

import org.jspecify.annotations.Nullable;

/**
 * Whether a migration needs someone's attention, in one field a team can alert on: {@code DEGRADED} while its
 * replication link is down (ReplicationState {@code disconnect}) and the migration has not ended, {@code FAILED} once
 * it has failed, else {@code HEALTHY}.
 */
public enum MigrationHealth {
    HEALTHY,
    DEGRADED,
    FAILED;

    public static final String DISCONNECTED = "disconnect";

    static MigrationHealth of(TaskStatus status, @Nullable String replicationState) {
        if (status == TaskStatus.FAILED) {
            return FAILED;
        }
        boolean ended = status == TaskStatus.SUCCEEDED;
        return !ended && DISCONNECTED.equals(replicationState) ? DEGRADED : HEALTHY;
    }
}
