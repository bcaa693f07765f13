package com.rdsmigration.gateway.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The cloud migrations, in memory, per destination instance: at most one unfinished migration per instance, task
 * names unique per instance, switchover only from stage {@code increment}. Task ids count up from
 * {@value #FIRST_TASK_ID}, switchover task ids from {@value #FIRST_SWITCH_TASK_ID}.
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
    private final Map<String, List<MigrationTask>> byInstance = new HashMap<>();

    MigrationRegistry(StageClock clock) {
        this.clock = clock;
    }

    synchronized MigrationTask create(
            String instance, MigrationSource source, @Nullable String taskName, String precheckReport, Instant now) {
        List<MigrationTask> tasks = byInstance.computeIfAbsent(instance, id -> new ArrayList<>());
        String name = TaskNames.unique(
                taskName, tasks.stream().map(MigrationTask::taskName).toList());
        for (MigrationTask task : tasks) {
            if (task.progress(now, clock).stage() != MigrateStage.SUCCESS) {
                throw RdsError.operationDenied(
                        "MigrationTaskExists",
                        "The instance already has an unfinished cloud migration task " + task.taskId() + ".");
            }
        }
        MigrationTask task =
                new MigrationTask(nextId.getAndIncrement(), name, instance, source, precheckReport, now, null, null);
        tasks.add(task);
        return task;
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
    }
}
