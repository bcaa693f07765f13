package com.rdsmigration.gateway.cloudmigration;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link CloudMigrationChanged} when a task's status, stage or replication state differs from what was
 * stored before. Called by the store inside the transaction that records the change, after it has locked the task's
 * row: replicas record a task's changes one at a time, and whichever comes second finds the change already stored.
 */
@Component
class TaskChangePublisher {

    private final ApplicationEventPublisher events;

    TaskChangePublisher(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Publishes the change from {@code before} to the task as it is now, if there is one; answers whether there was. */
    boolean publishIfChanged(Snapshot before, CloudMigrationTask task, Instant at) {
        Snapshot after = Snapshot.of(task);
        if (after.equals(before)) {
            return false;
        }
        events.publishEvent(new CloudMigrationChanged(
                task.getId(),
                task.getKind().name().toLowerCase(Locale.ROOT),
                task.getTeam(),
                task.getTaskId(),
                task.getTaskName(),
                before.status().name(),
                after.status().name(),
                before.stage(),
                after.stage(),
                after.replicationState(),
                at));
        return true;
    }

    /** What a change is a change of. */
    record Snapshot(
            TaskStatus status,
            @Nullable String stage,
            @Nullable String replicationState) {

        static Snapshot of(CloudMigrationTask task) {
            return new Snapshot(task.getStatus(), task.getStage(), task.getReplicationState());
        }
    }
}
