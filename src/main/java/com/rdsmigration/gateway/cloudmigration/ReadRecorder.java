package com.rdsmigration.gateway.cloudmigration;

import com.rdsmigration.gateway.cloudmigration.tracking.ReadSchedule;
import com.rdsmigration.gateway.cloudmigration.tracking.TrackingProperties;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what a read from upstream found, whichever path sent it (the tracker, a GET, a switchover), each in a short
 * transaction that holds the task's row lock: the state, each stage once in the history, the next read of the
 * tracker's schedule, and {@link CloudMigrationChanged} when something changed. A read older than the one already
 * stored is old news and changes nothing, so replicas that read a task at nearly the same time never move it backwards
 * nor announce a change twice.
 */
@Component
public class ReadRecorder {

    private final CloudMigrationTaskRepository repository;
    private final StageHistory history;
    private final TaskChangePublisher changes;
    private final ReadSchedule schedule;
    private final EntityManager entityManager;
    private final Clock clock;

    ReadRecorder(
            CloudMigrationTaskRepository repository,
            StageHistory history,
            TaskChangePublisher changes,
            TrackingProperties tracking,
            EntityManager entityManager,
            Clock clock) {
        this.repository = repository;
        this.history = history;
        this.changes = changes;
        this.schedule = ReadSchedule.of(tracking);
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Records {@code state}, read from upstream by a request sent at {@code readAt}. */
    @Transactional
    public CloudMigrationTask synced(UUID id, UpstreamState state, Instant readAt) {
        Instant at = readAt.truncatedTo(ChronoUnit.MICROS);
        CloudMigrationTask task = repository.findLocked(id).orElseThrow();
        if (task.getSyncedAt() != null && at.isBefore(task.getSyncedAt())) {
            return task;
        }
        var before = TaskChangePublisher.Snapshot.of(task);
        boolean firstRead = task.getSyncedAt() == null;
        boolean newStage = state.stage() != null && history.recordFirstSeen(id, state.stage(), at);
        task.synced(state, state.statusFor(task), at, clock.instant().truncatedTo(ChronoUnit.MICROS));
        boolean changed = changes.publishIfChanged(before, task, at);
        // A task just created is on the move even when its first read shows nothing new (a precheck has no stage).
        ReadSchedule.Next next = schedule.after(at, changed || firstRead, task.getUnchangedReads());
        task.scheduleRead(next.at(), next.unchangedReads());
        if (newStage) {
            entityManager.flush();
            entityManager.refresh(task);
        }
        return task;
    }

    /**
     * The upstream did not list the task, or could not be read: nothing is known to have changed, so the tracker
     * tries again later, as after a read without news.
     */
    @Transactional
    public void unread(UUID id, Instant readAt) {
        Instant at = readAt.truncatedTo(ChronoUnit.MICROS);
        CloudMigrationTask task = repository.findLocked(id).orElseThrow();
        ReadSchedule.Next next = schedule.after(at, false, task.getUnchangedReads());
        task.scheduleRead(next.at(), next.unchangedReads());
    }
}
