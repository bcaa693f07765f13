package com.rdsmigration.gateway.audit;

import com.rdsmigration.gateway.system.StatementPipeline;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code audit_event} table, one statement per change. An attempt's start and end are written in the upstream
 * call's own transactions, each leaving with the statement sent after it ({@link StatementPipeline}).
 */
@Component
class AuditStore {

    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final StatementPipeline statements;
    private final JsonMapper json;

    AuditStore(JdbcClient jdbc, StatementPipeline statements, JsonMapper json) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.json = json;
    }

    /** What is known of an attempt before it leaves. */
    record Started(
            UUID id,
            Instant occurredAt,
            @Nullable String team,
            String principal,
            String action,
            int attempt,
            @Nullable String importId,
            @Nullable Long taskId,
            @Nullable String taskName,
            @Nullable String correlationId,
            Map<String, String> maskedParameters) {}

    /** How an attempt ended. */
    record Ended(
            AuditOutcome outcome,
            @Nullable Integer httpStatus,
            @Nullable String upstreamCode,
            @Nullable String upstreamRequestId,
            @Nullable String importId,
            @Nullable Long taskId,
            long durationMs) {}

    void started(Started attempt) {
        statements
                .sql("insert into audit_event (id, occurred_at, team, principal, action, attempt, outcome, import_id,"
                        + " task_id, task_name, correlation_id, parameters) values (:id, :occurredAt, :team,"
                        + " :principal, :action, :attempt, :outcome, :importId, :taskId, :taskName, :correlationId,"
                        + " :parameters)")
                .param("id", attempt.id())
                .param("occurredAt", utc(attempt.occurredAt()))
                .param("team", attempt.team())
                .param("principal", attempt.principal())
                .param("action", attempt.action())
                .param("attempt", attempt.attempt())
                .param("outcome", AuditOutcome.UNKNOWN.name())
                .param("importId", attempt.importId())
                .param("taskId", attempt.taskId())
                .param("taskName", attempt.taskName())
                .param("correlationId", attempt.correlationId())
                .param("parameters", json.writeValueAsString(attempt.maskedParameters()))
                .later();
    }

    /** A call refused before it was sent: one complete row, {@code attempt} 0, the gateway's answer as its status. */
    void refused(Started call, int httpStatus) {
        jdbc.sql("insert into audit_event (id, occurred_at, team, principal, action, attempt, outcome, http_status,"
                        + " task_name, duration_ms, correlation_id, parameters) values (:id, :occurredAt, :team,"
                        + " :principal, :action, 0, :outcome, :httpStatus, :taskName, 0, :correlationId, :parameters)")
                .param("id", call.id())
                .param("occurredAt", utc(call.occurredAt()))
                .param("team", call.team())
                .param("principal", call.principal())
                .param("action", call.action())
                .param("outcome", AuditOutcome.REFUSED.name())
                .param("httpStatus", httpStatus)
                .param("taskName", call.taskName())
                .param("correlationId", call.correlationId())
                .param("parameters", json.writeValueAsString(call.maskedParameters()))
                .update();
    }

    void ended(UUID id, Ended end) {
        statements
                .sql("update audit_event set outcome = :outcome, http_status = :httpStatus, upstream_code = :code,"
                        + " upstream_request_id = :requestId, import_id = coalesce(:importId, import_id),"
                        + " task_id = coalesce(:taskId, task_id), duration_ms = :durationMs where id = :id")
                .param("outcome", end.outcome().name())
                .param("httpStatus", end.httpStatus())
                .param("code", end.upstreamCode())
                .param("requestId", end.upstreamRequestId())
                .param("importId", end.importId())
                .param("taskId", end.taskId())
                .param("durationMs", end.durationMs())
                .param("id", id)
                .later();
    }

    /** What a page asks for; {@code after} is the last event of the previous page. */
    record Query(
            @Nullable String team,
            @Nullable String action,
            @Nullable AuditOutcome outcome,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable String resourceId,
            @Nullable PageToken after,
            int size) {}

    /** The page's events, newest first, and one more when there is a next page. */
    List<AuditEvent> page(Query query) {
        AuditPageSql.Statement statement = AuditPageSql.of(query);
        return jdbc.sql(statement.sql())
                .params(statement.values())
                .query(this::toEvent)
                .list();
    }

    /** Deletes up to {@code batch} events older than {@code cutoff}; answers how many. */
    int purgeBefore(Instant cutoff, int batch) {
        return jdbc.sql("delete from audit_event where id in (select id from audit_event where occurred_at < :cutoff"
                        + " order by occurred_at limit :batch)")
                .param("cutoff", utc(cutoff))
                .param("batch", batch)
                .update();
    }

    private AuditEvent toEvent(ResultSet row, int rowNumber) throws SQLException {
        return new AuditEvent(
                row.getObject("id", UUID.class),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("team"),
                row.getString("principal"),
                row.getString("action"),
                row.getInt("attempt"),
                AuditOutcome.valueOf(row.getString("outcome")),
                row.getObject("http_status", Integer.class),
                row.getString("upstream_code"),
                row.getString("upstream_request_id"),
                row.getString("import_id"),
                row.getObject("task_id", Long.class),
                row.getString("task_name"),
                row.getObject("duration_ms", Long.class),
                row.getString("correlation_id"),
                json.readValue(row.getString("parameters"), PARAMETERS));
    }

    private static OffsetDateTime utc(Instant instant) {
        return AuditPageSql.utc(instant);
    }
}
