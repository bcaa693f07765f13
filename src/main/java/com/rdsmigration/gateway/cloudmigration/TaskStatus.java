package com.rdsmigration.gateway.cloudmigration;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a precheck or migration stands, as stored in {@code cloud_migration_task.status}: one lifecycle for both
 * kinds, of which {@link PrecheckStatus} and {@link MigrationStatus} are the API's views. An intent is {@link
 * #PENDING} until the upstream answers, {@link #UNKNOWN} when its answer was lost; an upstream-known task is {@link
 * #RUNNING} (or {@link #SWITCHING}, a migration after its switchover) until it ends.
 */
public enum TaskStatus {
    /** The intent is recorded; the upstream's answer is not yet known. */
    PENDING,
    /** The create's answer was lost; the reconciler finds out whether the upstream made the task. */
    UNKNOWN,
    RUNNING,
    /** A migration whose switchover was requested. */
    SWITCHING,
    /** A precheck whose report found nothing wrong. */
    PASSED,
    /** A migration that reached stage success. */
    SUCCEEDED,
    FAILED;

    /** Read from upstream by the tracker and by stale GETs: upstream-known tasks that can still change. */
    public static final Set<TaskStatus> ACTIVE = EnumSet.of(RUNNING, SWITCHING);

    /** Intents the reconciler settles: the upstream's answer never reached the store. */
    static final Set<TaskStatus> UNRESOLVED = EnumSet.of(PENDING, UNKNOWN);

    /** A migration in any of these occupies its target instance: only one at a time may. */
    static final Set<TaskStatus> IN_PROGRESS = EnumSet.of(PENDING, UNKNOWN, RUNNING, SWITCHING);

    boolean isActive() {
        return ACTIVE.contains(this);
    }
}
