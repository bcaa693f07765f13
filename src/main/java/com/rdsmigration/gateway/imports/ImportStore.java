package com.rdsmigration.gateway.imports;

import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.system.ListFilters;
import com.rdsmigration.gateway.system.ListParams;
import com.rdsmigration.gateway.system.ProblemException;
import com.rdsmigration.gateway.system.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import tasks, each change in a short transaction of its own: no transaction is ever open while the upstream is
 * called. Reads are scoped to the caller's team; another team's task is simply not found.
 */
@Component
class ImportStore {

    private final ImportTaskRepository repository;
    private final Clock clock;

    ImportStore(ImportTaskRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    ImportTask recordIntent(String team, String source, String target, String databasesJson) {
        return repository.save(new ImportTask(team, source, target, databasesJson, now()));
    }

    @Transactional
    ImportTask accepted(UUID id, String importId, String requestId) {
        ImportTask task = repository.findById(id).orElseThrow();
        task.accepted(importId, requestId, now());
        return task;
    }

    @Transactional
    ImportTask moveTo(UUID id, ImportStatus status) {
        ImportTask task = repository.findById(id).orElseThrow();
        task.moveTo(status, now());
        return task;
    }

    /** Drops an intent the upstream provably refused: it never became a task. */
    @Transactional
    void forget(UUID id) {
        repository.deleteById(id);
    }

    @Transactional(readOnly = true)
    ImportTask get(UUID id, Caller caller) {
        return repository
                .findById(id)
                .filter(task -> caller.canAccess(task.getTeam()))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No import " + id + "."));
    }

    @Transactional(readOnly = true)
    List<ImportTask> pendingBefore(Instant cutoff) {
        return repository.findByStatusAndUpdatedAtBefore(ImportStatus.PENDING, cutoff);
    }

    @Transactional(readOnly = true)
    List<ImportTask> withStatus(ImportStatus status) {
        return repository.findByStatus(status);
    }

    @Transactional(readOnly = true)
    Page<ImportTask> list(Caller caller, @Nullable ImportStatus status, ListParams params) {
        var filters = ListFilters.<ImportTask>ownedBy(caller.admin() ? null : caller.team(), params)
                .equal("status", status)
                .equalAny(params.instance(), "sourceInstanceId", "targetInstanceId");
        return repository.findAll(filters.specification(), ListFilters.newestFirst(params));
    }

    /** Now, to the microsecond that PostgreSQL keeps, so a stored task reads back exactly as it was answered. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
