package com.rdsmigration.gateway.simulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The ImportDatabaseBetweenInstances tasks, in memory. An import runs for one stage, then succeeds, unless a source
 * database name starts with {@value #FAILING_PREFIX}: then it fails. Ids count up from {@code import-id-start} and
 * are never reused, not even after a reset.
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

    /** One import; {@code cancelledAt} is set once it was cancelled while running. */
    record ImportTask(
            long importId,
            String destination,
            String source,
            Map<String, String> databases,
            Instant createdAt,
            @Nullable Instant cancelledAt) {

        State state(Instant now, StageClock clock) {
            if (cancelledAt != null) {
                return State.CANCELLED;
            }
            if (clock.stagesElapsed(createdAt, now) < 1) {
                return State.RUNNING;
            }
            return databases.keySet().stream()
                            .anyMatch(name -> name.toLowerCase(Locale.ROOT).startsWith(FAILING_PREFIX))
                    ? State.FAILED
                    : State.SUCCEEDED;
        }
    }

    private final StageClock clock;
    private final AtomicLong nextId;
    private final Map<Long, ImportTask> imports = new HashMap<>();

    ImportRegistry(StageClock clock, long firstId) {
        this.clock = clock;
        this.nextId = new AtomicLong(firstId);
    }

    synchronized ImportTask create(String destination, String source, Map<String, String> databases, Instant now) {
        ImportTask task = new ImportTask(nextId.getAndIncrement(), destination, source, databases, now, null);
        imports.put(task.importId(), task);
        return task;
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
                task.importId(), task.destination(), task.source(), task.databases(), task.createdAt(), now);
    }
}
