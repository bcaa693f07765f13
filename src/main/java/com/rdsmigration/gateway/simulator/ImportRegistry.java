package com.rdsmigration.gateway.simulator;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The ImportDatabaseBetweenInstances tasks, in memory. An import runs for one stage, then succeeds, unless a source
 * database name starts with {@value #FAILING_PREFIX}: then it fails. Ids count up from {@code import-id-start} and
 * are never reused, not even after a reset. At most {@code rds.simulator.max-tasks} are kept ({@link TaskQuota}).
 */
final class ImportRegistry {

    static final String FAILING_PREFIX = "fail";

    /** Where an import stands. */
    enum State {
        RUNNING,
        SUCCEEDED,
        FAILED,
        CANCELLED
    }

    /**
     * One import; {@code cancelledAt} is set once it was cancelled while running. It keeps whether it will fail, not
     * its databases: nothing reads them back, and a large {@code DBInfo} would otherwise stay in memory per task.
     */
    record ImportTask(
            long importId,
            String destination,
            String source,
            boolean failing,
            Instant createdAt,
            @Nullable Instant cancelledAt) {

        State state(Instant now, StageClock clock) {
            if (cancelledAt != null) {
                return State.CANCELLED;
            }
            if (clock.stagesElapsed(createdAt, now) < 1) {
                return State.RUNNING;
            }
            return failing ? State.FAILED : State.SUCCEEDED;
        }

        static boolean failing(Map<String, String> databases) {
            return databases.keySet().stream()
                    .anyMatch(name -> name.toLowerCase(Locale.ROOT).startsWith(FAILING_PREFIX));
        }
    }

    private final StageClock clock;
    private final AtomicLong nextId;
    private final int maxTasks;
    /** In creation order (a cancellation replaces a task in place), so the first ended one is the oldest. */
    private final Map<Long, ImportTask> imports = new LinkedHashMap<>();

    ImportRegistry(StageClock clock, long firstId, int maxTasks) {
        this.clock = clock;
        this.nextId = new AtomicLong(firstId);
        this.maxTasks = maxTasks;
    }

    synchronized ImportTask create(String destination, String source, Map<String, String> databases, Instant now) {
        if (imports.size() >= maxTasks) {
            forgetOldestEnded(now);
        }
        ImportTask task =
                new ImportTask(nextId.getAndIncrement(), destination, source, ImportTask.failing(databases), now, null);
        imports.put(task.importId(), task);
        return task;
    }

    synchronized int size() {
        return imports.size();
    }

    private void forgetOldestEnded(Instant now) {
        Iterator<ImportTask> tasks = imports.values().iterator();
        while (tasks.hasNext()) {
            if (tasks.next().state(now, clock) != State.RUNNING) {
                tasks.remove();
                return;
            }
        }
        throw TaskQuota.exceeded("import", maxTasks);
    }

    /** Cancels a running import of {@code instanceId}; any other state answers the error RDS gives for it. */
    synchronized void cancel(long importId, String instanceId, Instant now) {
        ImportTask task = imports.get(importId);
        if (task == null || !task.destination().equals(instanceId)) {
            throw new RdsError(404, "InvalidImportId.NotFound", "The specified ImportId does not exist.");
        }
        switch (task.state(now, clock)) {
            case RUNNING -> imports.put(importId, withCancellation(task, now));
            case SUCCEEDED ->
                throw RdsError.operationDenied(
                        "ImportCompleted", "The import has already completed and cannot be cancelled.");
            case FAILED ->
                throw RdsError.operationDenied(
                        "ImportFailed", "The import has already failed and cannot be cancelled.");
            case CANCELLED ->
                throw RdsError.operationDenied("ImportCancelled", "The import has already been cancelled.");
        }
    }

    synchronized @Nullable ImportTask find(long importId) {
        return imports.get(importId);
    }

    synchronized void clear() {
        imports.clear();
    }

    private static ImportTask withCancellation(ImportTask task, Instant now) {
        return new ImportTask(
                task.importId(), task.destination(), task.source(), task.failing(), task.createdAt(), now);
    }
}
