package com.rdsmigration.gateway.cloudmigration.tracking;

import com.rdsmigration.gateway.cloudmigration.TaskKind;
import com.rdsmigration.gateway.cloudmigration.TaskStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tracker's view of the store: which active tasks are due for a read, and how the active ones stand (for its
 * metrics). Active means upstream-known and {@code RUNNING} or {@code SWITCHING}: terminal tasks are never read again.
 */
@Component
public class TrackedTaskQuery {

    private static final String ACTIVE = "status in (:active) and task_id is not null";

    /** The names of {@link TaskStatus#ACTIVE}, bound to {@code :active}. */
    private static final List<String> ACTIVE_STATUSES =
            TaskStatus.ACTIVE.stream().map(TaskStatus::name).toList();

    private final JdbcClient jdbc;

    TrackedTaskQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} active tasks whose next read is due at {@code now}, the longest due first. */
    public List<Due> due(Instant now, int limit) {
        return jdbc.sql("select id, kind, target_instance_id, task_id from cloud_migration_task where " + ACTIVE
                        + " and (next_sync_at is null or next_sync_at <= :now)"
                        + " order by next_sync_at nulls first limit :limit")
                .param("active", ACTIVE_STATUSES)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("limit", limit)
                .query((row, n) -> new Due(
                        row.getObject("id", UUID.class),
                        TaskKind.valueOf(row.getString("kind")),
                        row.getString("target_instance_id"),
                        row.getLong("task_id")))
                .list();
    }

    /** The active tasks counted by kind, stage and replication state, with the oldest read of each group. */
    List<Group> active() {
        return jdbc.sql("select kind, stage, replication_state, count(*) as tasks,"
                        + " min(coalesce(synced_at, created_at)) as oldest from cloud_migration_task where " + ACTIVE
                        + " group by kind, stage, replication_state")
                .param("active", ACTIVE_STATUSES)
                .query((row, n) -> new Group(
                        TaskKind.valueOf(row.getString("kind")),
                        row.getString("stage"),
                        row.getString("replication_state"),
                        row.getLong("tasks"),
                        row.getObject("oldest", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** A task due for a read. */
    public record Due(UUID id, TaskKind kind, String instance, long taskId) {}

    /** Active tasks alike in kind, stage and replication state. */
    record Group(
            TaskKind kind, @Nullable String stage, @Nullable String replicationState, long tasks, Instant oldestRead) {}
}
