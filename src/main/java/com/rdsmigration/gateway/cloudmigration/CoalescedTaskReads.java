package com.rdsmigration.gateway.cloudmigration;

import com.rdsmigration.gateway.cloudmigration.tracking.TrackingProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Reads of one task from upstream on behalf of API requests. State younger than {@code gateway.tracking.max-staleness}
 * is served from the store; a stale task is read once however many requests ask for it at the same time: the first
 * reads and records, the others wait for its answer (one in-flight read per task on this replica).
 */
@Component
class CoalescedTaskReads {

    private final CloudMigrationStore store;
    private final CloudMigrationUpstream upstream;
    private final ReadRecorder recorder;
    private final TrackingProperties tracking;
    private final Clock clock;
    private final ConcurrentMap<UUID, CompletableFuture<CloudMigrationTask>> inFlight = new ConcurrentHashMap<>();

    CoalescedTaskReads(
            CloudMigrationStore store,
            CloudMigrationUpstream upstream,
            ReadRecorder recorder,
            TrackingProperties tracking,
            Clock clock) {
        this.store = store;
        this.upstream = upstream;
        this.recorder = recorder;
        this.tracking = tracking;
        this.clock = clock;
    }

    /** The task as stored when it is fresh or can no longer change; else as read now, once for all who ask. */
    CloudMigrationTask current(CloudMigrationTask task) {
        if (!isActive(task) || isFresh(task)) {
            return task;
        }
        CompletableFuture<CloudMigrationTask> mine = new CompletableFuture<>();
        CompletableFuture<CloudMigrationTask> running = inFlight.putIfAbsent(task.getId(), mine);
        if (running != null) {
            return join(running);
        }
        try {
            // A read may have ended between this request's look at the store and its claim: its answer will do.
            CloudMigrationTask stored = store.find(task.getId());
            CloudMigrationTask answer = !isActive(stored) || isFresh(stored) ? stored : readNow(stored);
            mine.complete(answer);
            return answer;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(task.getId(), mine);
        }
    }

    /** The task as read from upstream now, whatever the store holds; the stored task if the upstream does not list it. */
    CloudMigrationTask readNow(CloudMigrationTask task) {
        Instant readAt = clock.instant();
        return upstream.describe(task)
                .map(state -> recorder.synced(task.getId(), state, readAt))
                .orElse(task);
    }

    static boolean isActive(CloudMigrationTask task) {
        return task.getTaskId() != null && task.getStatus().isActive();
    }

    private boolean isFresh(CloudMigrationTask task) {
        return task.getSyncedAt() != null
                && !task.getSyncedAt().plus(tracking.maxStaleness()).isBefore(clock.instant());
    }

    private static CloudMigrationTask join(CompletableFuture<CloudMigrationTask> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
