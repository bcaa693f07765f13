package com.rdsmigration.gateway.cloudmigration;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.web.ListFilters;
import com.rdsmigration.gateway.web.ListParams;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prechecks and migrations, each change in a short transaction of its own (never one open across an upstream call),
 * every read scoped to the caller's team.
 */
@Component
class CloudMigrationStore {

    private final CloudMigrationTaskRepository repository;
    private final TaskChangePublisher changes;
    private final Clock clock;

    CloudMigrationStore(CloudMigrationTaskRepository repository, TaskChangePublisher changes, Clock clock) {
        this.repository = repository;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    CloudMigrationTask recordIntent(NewTask intent) {
        try {
            return repository.saveAndFlush(new CloudMigrationTask(intent, now()));
        } catch (DataIntegrityViolationException e) {
            throw new ProblemException(
                            ProblemType.CONFLICT,
                            "Task name " + intent.taskName() + " is already used on " + intent.target() + ".")
                    .with("errors", List.of(java.util.Map.of("field", "taskName", "message", "is already used")));
        }
    }

    @Transactional
    CloudMigrationTask accepted(UUID id, long taskId, @Nullable String requestId) {
        CloudMigrationTask task = locked(id);
        var before = TaskChangePublisher.Snapshot.of(task);
        Instant now = now();
        task.accepted(taskId, requestId, now);
        changes.publishIfChanged(before, task, now);
        return task;
    }

    /** Keeps an intent whose create may have taken effect upstream for the reconciler. */
    @Transactional
    CloudMigrationTask outcomeUnknown(UUID id) {
        CloudMigrationTask task = locked(id);
        var before = TaskChangePublisher.Snapshot.of(task);
        Instant now = now();
        task.outcomeUnknown(now);
        changes.publishIfChanged(before, task, now);
        return task;
    }

    @Transactional
    CloudMigrationTask switchoverRequested(UUID id, long switchTaskId) {
        CloudMigrationTask task = locked(id);
        var before = TaskChangePublisher.Snapshot.of(task);
        Instant now = now();
        task.switchoverRequested(switchTaskId, now);
        changes.publishIfChanged(before, task, now);
        return task;
    }

    /** Drops an intent the upstream provably refused: it never became a task. */
    @Transactional
    void forget(UUID id) {
        repository.deleteById(id);
    }

    /** The task as stored now, whoever owns it. */
    @Transactional(readOnly = true)
    CloudMigrationTask find(UUID id) {
        return repository.findById(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    java.util.Optional<CloudMigrationTask> findIfPresent(UUID id) {
        return repository.findById(id);
    }

    @Transactional(readOnly = true)
    CloudMigrationTask get(UUID id, TaskKind kind, Caller caller) {
        return repository
                .findById(id)
                .filter(task -> task.getKind() == kind && caller.canAccess(task.getTeam()))
                .orElseThrow(() -> new ProblemException(
                        ProblemType.NOT_FOUND, "No " + kind.name().toLowerCase() + " " + id + "."));
    }

    /** Whether any team has a migration on this instance that has not ended. */
    @Transactional(readOnly = true)
    boolean hasActiveMigration(String target) {
        return repository.existsByKindAndTargetInstanceIdAndStatusIn(
                TaskKind.MIGRATION, target, TaskStatus.IN_PROGRESS);
    }

    /** Tasks still PENDING or UNKNOWN that were last changed before {@code cutoff}. */
    @Transactional(readOnly = true)
    List<CloudMigrationTask> unresolvedBefore(Instant cutoff) {
        return repository.findByStatusInAndUpdatedAtBefore(TaskStatus.UNRESOLVED, cutoff);
    }

    @Transactional(readOnly = true)
    Page<CloudMigrationTask> list(Caller caller, TaskKind kind, @Nullable TaskStatus status, ListParams params) {
        var filters = ListFilters.<CloudMigrationTask>ownedBy(caller.admin() ? null : caller.team(), params)
                .equal("kind", kind)
                .equal("status", status)
                .equal("targetInstanceId", params.instance());
        return repository.findAll(filters.specification(), ListFilters.newestFirst(params));
    }

    private CloudMigrationTask locked(UUID id) {
        return repository.findLocked(id).orElseThrow();
    }

    /** Now, to the microsecond that PostgreSQL keeps, so a stored task reads back exactly as it was answered. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
