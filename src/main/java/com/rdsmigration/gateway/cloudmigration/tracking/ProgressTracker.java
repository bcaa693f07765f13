package com.rdsmigration.gateway.cloudmigration.tracking;

import com.rdsmigration.gateway.cloudmigration.ReadRecorder;
import com.rdsmigration.gateway.cloudmigration.TaskKind;
import com.rdsmigration.gateway.cloudmigration.UpstreamState;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Follows every active precheck and migration from upstream so that teams need not poll: every
 * {@code gateway.tracking.check-period} the replica holding the {@link TrackerLock} reads the tasks whose next read is
 * due, all tasks of one kind on one instance together ({@link InstanceReads}), and records what it found as any read
 * is recorded ({@link ReadRecorder}: stage history, the next read of the adaptive schedule, change events). Terminal
 * tasks are never read again. Its calls are the gateway's own, audited as {@code system}.
 */
@Component
class ProgressTracker {

    /** Tasks read per check at most; the rest wait for the next check, a second later by default. */
    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(ProgressTracker.class);

    private final TrackedTaskQuery tasks;
    private final InstanceReads reads;
    private final ReadRecorder recorder;
    private final TrackerLock lock;
    private final TrackingMetrics metrics;
    private final TrackingProperties tracking;
    private final Clock clock;

    ProgressTracker(
            TrackedTaskQuery tasks,
            InstanceReads reads,
            ReadRecorder recorder,
            TrackerLock lock,
            TrackingMetrics metrics,
            TrackingProperties tracking,
            Clock clock) {
        this.tasks = tasks;
        this.reads = reads;
        this.recorder = recorder;
        this.lock = lock;
        this.metrics = metrics;
        this.tracking = tracking;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gateway.tracking.check-period:1s}")
    void check() {
        if (tracking.trackerEnabled() && lock.hold()) {
            trackDue();
        }
    }

    /** Reads and records every task due now, one instance and kind at a time, while this replica holds the lock. */
    int trackDue() {
        List<TrackedTaskQuery.Due> due;
        try {
            due = tasks.due(clock.instant(), BATCH);
        } catch (RuntimeException e) {
            log.warn("Progress tracker cannot list due tasks: {}", e.getMessage());
            return 0;
        }
        Map<Instance, List<TrackedTaskQuery.Due>> byInstance = due.stream()
                .collect(Collectors.groupingBy(
                        task -> new Instance(task.kind(), task.instance()), LinkedHashMap::new, Collectors.toList()));
        int read = 0;
        for (var entry : byInstance.entrySet()) {
            if (!lock.hold()) {
                break;
            }
            read += track(entry.getKey(), entry.getValue());
        }
        return read;
    }

    private int track(Instance instance, List<TrackedTaskQuery.Due> due) {
        Instant readAt = clock.instant();
        Map<Long, UpstreamState> states;
        try {
            Set<Long> taskIds = due.stream().map(TrackedTaskQuery.Due::taskId).collect(Collectors.toSet());
            states = reads.read(instance.kind(), instance.id(), taskIds, () -> {
                // A group may take several calls, each with its retries: renew before each, and stop when another
                // replica has the lock by now, so no task is read by both.
                if (!lock.hold()) {
                    throw new LockLost();
                }
                metrics.read(instance.kind());
            });
        } catch (LockLost lost) {
            log.info("Progress tracker lost its lock while reading {}; the replica holding it goes on", instance.id());
            return 0;
        } catch (RuntimeException e) {
            log.warn("Progress tracker cannot read {} tasks of {}: {}", instance.kind(), instance.id(), e.getMessage());
            due.forEach(task -> unread(task, readAt));
            return 0;
        }
        int read = 0;
        for (TrackedTaskQuery.Due task : due) {
            UpstreamState state = states.get(task.taskId());
            try {
                if (state == null) {
                    recorder.unread(task.id(), readAt);
                } else {
                    recorder.synced(task.id(), state, readAt);
                    read++;
                }
            } catch (RuntimeException e) {
                log.warn("Progress tracker cannot record {} {}: {}", task.kind(), task.id(), e.getMessage());
            }
        }
        return read;
    }

    private void unread(TrackedTaskQuery.Due task, Instant readAt) {
        try {
            recorder.unread(task.id(), readAt);
        } catch (RuntimeException e) {
            log.warn("Progress tracker cannot reschedule {} {}: {}", task.kind(), task.id(), e.getMessage());
        }
    }

    /** The tasks of one kind on one instance, read together. */
    private record Instance(TaskKind kind, String id) {}

    /** The lock was gone before an upstream call of a group: the rest of the group is left to its new holder. */
    private static final class LockLost extends RuntimeException {

        LockLost() {
            super("the progress tracker's lock is held by another replica", null, false, false);
        }
    }
}
