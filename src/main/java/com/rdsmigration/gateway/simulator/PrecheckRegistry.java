package com.rdsmigration.gateway.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The cloud-migration prechecks, in memory, per destination instance. A precheck runs for one stage; then its report
 * is complete and it has passed unless its source is unreachable. Task ids count up from {@value #FIRST_TASK_ID};
 * task names are unique per instance. At most {@code rds.simulator.max-tasks} are kept ({@link TaskQuota}).
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
    private final int maxTasks;
    private final Map<String, List<PrecheckTask>> byInstance = new HashMap<>();
    /** Every task id in creation order, with its instance: where the oldest are found. */
    private final Map<Long, String> created = new LinkedHashMap<>();

    PrecheckRegistry(StageClock clock, int maxTasks) {
        this.clock = clock;
        this.maxTasks = maxTasks;
    }

    synchronized PrecheckTask create(String instance, MigrationSource source, @Nullable String taskName, Instant now) {
        if (created.size() >= maxTasks) {
            forgetOldestFinished(now);
        }
        List<PrecheckTask> tasks = byInstance.computeIfAbsent(instance, id -> new ArrayList<>());
        String name = TaskNames.unique(
                taskName, tasks.stream().map(PrecheckTask::taskName).toList());
        PrecheckTask task = new PrecheckTask(nextId.getAndIncrement(), name, instance, source, now);
        tasks.add(task);
        created.put(task.taskId(), instance);
        return task;
    }

    synchronized int size() {
        return created.size();
    }

    private void forgetOldestFinished(Instant now) {
        Iterator<Map.Entry<Long, String>> oldestFirst = created.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<Long, String> entry = oldestFirst.next();
            List<PrecheckTask> tasks = byInstance.get(entry.getValue());
            PrecheckTask task = tasks.stream()
                    .filter(candidate -> candidate.taskId() == entry.getKey())
                    .findFirst()
                    .orElseThrow();
            if (task.finished(now, clock)) {
                oldestFirst.remove();
                tasks.remove(task);
                if (tasks.isEmpty()) {
                    byInstance.remove(entry.getValue());
                }
                return;
            }
        }
        throw TaskQuota.exceeded("precheck", maxTasks);
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
        created.clear();
    }
}
