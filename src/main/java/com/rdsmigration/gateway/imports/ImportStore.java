package com.rdsmigration.gateway.imports;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.system.StatementPipeline;
import com.rdsmigration.gateway.web.ListFilters;
import com.rdsmigration.gateway.web.ListParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import tasks, each change in a short transaction of its own: no transaction is ever open while the upstream is
 * called. Reads are scoped to the caller's team; another team's task is simply not found.
 *
 * <p>The request path is plain SQL, with no persistence context to set up, flush or dirty-check: a create's intent and
 * outcome are one statement each, sent in the upstream call's own transactions together with the statements after
 * them ({@link StatementPipeline}), and the read of one task is one statement. The rarer
 * changes and the filtered lists go through JPA.
 */
@Component
class ImportStore {

    private static final String COLUMNS = "id, team, source_instance_id, target_instance_id, databases, import_id,"
            + " request_id, status, created_at, updated_at, version";

    private final ImportTaskRepository repository;
    private final JdbcClient jdbc;
    private final StatementPipeline statements;
    private final Clock clock;

    ImportStore(ImportTaskRepository repository, JdbcClient jdbc, StatementPipeline statements, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.statements = statements;
        this.clock = clock;
    }

    ImportTask recordIntent(String team, String source, String target, String databasesJson) {
        ImportTask task = new ImportTask(team, source, target, databasesJson, now());
        statements
                .sql("insert into import_task (" + COLUMNS + ") values (:id, :team, :source, :target, :databases,"
                        + " null, null, :status, :now, :now, 0)")
                .param("id", task.getId())
                .param("team", team)
                .param("source", source)
                .param("target", target)
                .param("databases", databasesJson)
                .param("status", task.getStatus().name())
                .param("now", utc(task.getCreatedAt()))
                .later();
        return task;
    }

    /**
     * Records the upstream's acceptance of an intent: the task runs, with the upstream's ids. Also when a reconciler
     * has meanwhile marked the intent UNKNOWN: the answer settles what was unknown.
     */
    ImportTask accepted(ImportTask intent, String importId, String requestId) {
        Instant now = now();
        statements
                .sql("update import_task set import_id = :importId, request_id = :requestId, status = :status,"
                        + " updated_at = :now, version = version + 1 where id = :id")
                .param("importId", importId)
                .param("requestId", requestId)
                .param("status", ImportStatus.RUNNING.name())
                .param("now", utc(now))
                .param("id", intent.getId())
                .laterVerified(
                        updated -> { // the answer's other records stand: the attempt was made
                            if (updated != 1) {
                                throw new EmptyResultDataAccessException(
                                        "No import " + intent.getId() + " to record as accepted", 1);
                            }
                        });
        intent.accepted(importId, requestId, now);
        return intent;
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

    ImportTask get(UUID id, Caller caller) {
        return jdbc.sql("select " + COLUMNS + " from import_task where id = :id")
                .param("id", id)
                .query(ImportStore::toTask)
                .optional()
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

    private static ImportTask toTask(ResultSet row, int rowNumber) throws SQLException {
        return new ImportTask(
                row.getObject("id", UUID.class),
                row.getString("team"),
                row.getString("source_instance_id"),
                row.getString("target_instance_id"),
                row.getString("databases"),
                row.getString("import_id"),
                row.getString("request_id"),
                ImportStatus.valueOf(row.getString("status")),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                row.getLong("version"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Now, to the microsecond that PostgreSQL keeps, so a stored task reads back exactly as it was answered. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
