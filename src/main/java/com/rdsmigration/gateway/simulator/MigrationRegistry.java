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
 * The cloud migrations, in memory, per destination instance: at most one unfinished migration per instance, task
 * names unique per instance, switchover only from stage {@code increment}. Task ids count up from
 * {@value #FIRST_TASK_ID}, switchover task ids from {@value #FIRST_SWITCH_TASK_ID}. At most
 * {@code rds.simulator.max-tasks} are kept ({@link TaskQuota}): only a migration that reached {@code success} is ever
 * forgotten, as one waiting in {@code increment} still awaits its switchover.
 */
final class MigrationRegistry {

    static final long FIRST_TASK_ID = 440_437_220L;
    static final long FIRST_SWITCH_TASK_ID = 440_913_675L;

    /** One migration; {@code activatedAt} and {@code switchTaskId} are set by the switchover. */
    record MigrationTask(
            long taskId,
            String taskName,
            String instance,
            MigrationSource source,
            String precheckReport,
            Instant createdAt,
            @Nullable Instant activatedAt,
            @Nullable Long switchTaskId) {

        MigrationProgress progress(Instant now, StageClock clock) {
            return MigrationProgress.of(createdAt, activatedAt, now, clock);
        }
    }

    private final StageClock clock;
    private final AtomicLong nextId = new AtomicLong(FIRST_TASK_ID);
    private final AtomicLong nextSwitchId = new AtomicLong(FIRST_SWITCH_TASK_ID);
    private final int maxTasks;
    private final Map<String, List<MigrationTask>> byInstance = new HashMap<>();
    /** Every task id in creation order, with its instance: where the oldest are found. */
    private final Map<Long, String> created = new LinkedHashMap<>();

    MigrationRegistry(StageClock clock, int maxTasks) {
        this.clock = clock;
        this.maxTasks = maxTasks;
    }

    synchronized MigrationTask create(
            String instance, MigrationSource source, @Nullable String taskName, String precheckReport, Instant now) {
        // Not created here: a refused create must not leave an empty list behind for an unknown instance.
        List<MigrationTask> tasks = byInstance.getOrDefault(instance, List.of());
        String name = TaskNames.unique(
                taskName, tasks.stream().map(MigrationTask::taskName).toList());
        for (MigrationTask task : tasks) {
            if (task.progress(now, clock).stage() != MigrateStage.SUCCESS) {
                throw RdsError.operationDenied(
                        "MigrationTaskExists",
                        "The instance already has an unfinished cloud migration task " + task.taskId() + ".");
            }
        }
        if (created.size() >= maxTasks) {
            forgetOldestSucceeded(now);
        }
        MigrationTask task =
                new MigrationTask(nextId.getAndIncrement(), name, instance, source, precheckReport, now, null, null);
        byInstance.computeIfAbsent(instance, id -> new ArrayList<>()).add(task);
        created.put(task.taskId(), instance);
        return task;
    }

    synchronized int size() {
        return created.size();
    }

    private void forgetOldestSucceeded(Instant now) {
        Iterator<Map.Entry<Long, String>> oldestFirst = created.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<Long, String> entry = oldestFirst.next();
            List<MigrationTask> tasks = byInstance.get(entry.getValue());
            MigrationTask task = tasks.stream()
                    .filter(candidate -> candidate.taskId() == entry.getKey())
                    .findFirst()
                    .orElseThrow();
            if (task.progress(now, clock).stage() == MigrateStage.SUCCESS) {
                oldestFirst.remove();
                tasks.remove(task);
                if (tasks.isEmpty()) {
                    byInstance.remove(entry.getValue());
                }
                return;
            }
        }
        throw TaskQuota.exceeded("cloud migration", maxTasks);
    }

    /** Starts the switchover of the instance's latest migration, which must be in stage {@code increment}. */
    synchronized MigrationTask activate(String instance, Instant now) {
        List<MigrationTask> tasks = byInstance.getOrDefault(instance, List.of());
        if (tasks.isEmpty()) {
            throw RdsError.operationDenied("MigrateStage", "The instance has no cloud migration task to switch over.");
        }
        MigrationTask latest = tasks.get(tasks.size() - 1);
        MigrateStage stage = latest.progress(now, clock).stage();
        if (stage != MigrateStage.INCREMENT) {
            throw RdsError.operationDenied(
                    "MigrateStage",
                    "The cloud migration task " + latest.taskId() + " is in stage " + stage.wireName()
                            + "; a switchover needs stage increment.");
        }
        MigrationTask activated = new MigrationTask(
                latest.taskId(),
                latest.taskName(),
                latest.instance(),
                latest.source(),
                latest.precheckReport(),
                latest.createdAt(),
                now,
                nextSwitchId.getAndIncrement());
        tasks.set(tasks.size() - 1, activated);
        return activated;
    }

    synchronized List<MigrationTask> of(String instance) {
        return List.copyOf(byInstance.getOrDefault(instance, List.of()));
    }

    synchronized void clear() {
        byInstance.clear();
        created.clear();
    }
}
