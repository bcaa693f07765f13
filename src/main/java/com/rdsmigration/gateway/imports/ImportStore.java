package com.rdsmigration.gateway.imports;

import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.system.ProblemException;
import com.rdsmigration.gateway.system.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
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
    Page<ImportTask> list(
            Caller caller,
            @Nullable ImportStatus status,
            @Nullable String instance,
            @Nullable Instant from,
            @Nullable Instant to,
            int page,
            int size) {
        List<Specification<ImportTask>> filters = new ArrayList<>();
        if (!caller.admin()) {
            filters.add((root, query, cb) -> cb.equal(root.get("team"), caller.team()));
        }
        if (status != null) {
            filters.add((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (instance != null) {
            filters.add((root, query, cb) -> cb.or(
                    cb.equal(root.get("sourceInstanceId"), instance),
                    cb.equal(root.get("targetInstanceId"), instance)));
        }
        if (from != null) {
            filters.add((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("createdAt"), from));
        }
        if (to != null) {
            filters.add((root, query, cb) -> cb.lessThan(root.get("createdAt"), to));
        }
        return repository.findAll(
                Specification.allOf(filters), PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt")));
    }

    /** Now, to the microsecond that PostgreSQL keeps, so a stored task reads back exactly as it was answered. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
