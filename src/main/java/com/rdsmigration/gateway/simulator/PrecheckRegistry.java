package com.rdsmigration.gateway.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The cloud-migration prechecks, in memory, per destination instance. A precheck runs for one stage; then its report
 * is complete and it has passed unless its source is unreachable. Task ids count up from {@value #FIRST_TASK_ID};
 * task names are unique per instance.
 */
final class PrecheckRegistry {

    static final long FIRST_TASK_ID = 439_946_016L;

    /** One precheck task. */
    record PrecheckTask(long taskId, String taskName, String instance, MigrationSource source, Instant createdAt) {

        boolean finished(Instant now, StageClock clock) {
            return clock.stagesElapsed(createdAt, now) >= 1;
        }

        Instant finishedAt(StageClock clock) {
            return clock.stageStart(createdAt, 1);
        }

        boolean passed() {
            return !source.unreachable();
        }

        String report() {
            return PrecheckReport.of(source);
        }
    }

    private final StageClock clock;
    private final AtomicLong nextId = new AtomicLong(FIRST_TASK_ID);
    private final Map<String, List<PrecheckTask>> byInstance = new HashMap<>();

    PrecheckRegistry(StageClock clock) {
        this.clock = clock;
    }

    synchronized PrecheckTask create(String instance, MigrationSource source, @Nullable String taskName, Instant now) {
        List<PrecheckTask> tasks = byInstance.computeIfAbsent(instance, id -> new ArrayList<>());
        String name = TaskNames.unique(
                taskName, tasks.stream().map(PrecheckTask::taskName).toList());
        PrecheckTask task = new PrecheckTask(nextId.getAndIncrement(), name, instance, source, now);
        tasks.add(task);
        return task;
    }

    synchronized List<PrecheckTask> of(String instance) {
        return List.copyOf(byInstance.getOrDefault(instance, List.of()));
    }

    /** The passed precheck for this source, or {@code OperationDenied.PrecheckNotPassed} saying why there is none. */
    synchronized PrecheckTask requirePassed(String instance, String ipAddress, long port, Instant now) {
        List<PrecheckTask> forSource = byInstance.getOrDefault(instance, List.of()).stream()
                .filter(task -> task.source().isAt(ipAddress, port))
                .toList();
        for (int i = forSource.size() - 1; i >= 0; i--) {
            PrecheckTask task = forSource.get(i);
            if (task.finished(now, clock) && task.passed()) {
                return task;
            }
        }
        String where = ipAddress + ":" + port;
        String why = forSource.isEmpty()
                ? "No precheck has run for source " + where + " on this instance."
                : forSource.stream().anyMatch(task -> !task.finished(now, clock))
                        ? "The precheck for source " + where + " is still running."
                        : "The precheck for source " + where + " failed.";
        throw RdsError.operationDenied("PrecheckNotPassed", why);
    }

    synchronized void clear() {
        byInstance.clear();
    }
}
