package com.rdsmigration.gateway.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The statement behind a page of audit events. Each filter leads an index that continues with {@code (occurred_at,
 * id)} (Flyway V10), and the page's keyset condition is a row comparison on those two columns, so PostgreSQL reads a
 * page as one index range however deep it is or however rare the value. A resource id may be an ImportId, a TaskName or
 * a TaskId: one branch per column, each a range of its own index, merged; an {@code OR} over the three columns would
 * fetch and sort every event of the resource for every page.
 */
final class AuditPageSql {

    private static final String NEWEST_FIRST = " order by occurred_at desc, id desc limit ?";

    private final StringBuilder conditions = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    private AuditPageSql() {}

    /** The statement text and its values, in order. */
    record Statement(String sql, List<Object> values) {}

    static Statement of(AuditStore.Query query) {
        AuditPageSql common = new AuditPageSql();
        common.equal("team", query.team());
        common.equal("action", query.action());
        common.equal("outcome", query.outcome() == null ? null : query.outcome().name());
        if (query.from() != null) {
            common.condition("occurred_at >= ?", utc(query.from()));
        }
        if (query.to() != null) {
            common.condition("occurred_at < ?", utc(query.to()));
        }
        if (query.after() != null) {
            common.condition(
                    "(occurred_at, id) < (?, ?)",
                    utc(query.after().occurredAt()),
                    query.after().id());
        }
        int limit = query.size() + 1;
        String resourceId = query.resourceId();
        if (resourceId == null) {
            return common.select(limit);
        }
        List<Statement> branches = new ArrayList<>();
        branches.add(common.with("import_id", resourceId).select(limit));
        branches.add(common.with("task_name", resourceId).select(limit));
        if (resourceId.matches("\\d{1,18}")) {
            branches.add(common.with("task_id", Long.parseLong(resourceId)).select(limit));
        }
        StringBuilder sql = new StringBuilder("select * from (");
        List<Object> values = new ArrayList<>();
        for (Statement branch : branches) {
            sql.append(values.isEmpty() ? "(" : " union (").append(branch.sql()).append(')');
            values.addAll(branch.values());
        }
        sql.append(") as matched").append(NEWEST_FIRST);
        values.add(limit);
        return new Statement(sql.toString(), values);
    }

    private void equal(String column, @Nullable Object value) {
        if (value != null) {
            condition(column + " = ?", value);
        }
    }

    private void condition(String condition, Object... conditionValues) {
        conditions.append(conditions.isEmpty() ? " where " : " and ").append(condition);
        values.addAll(List.of(conditionValues));
    }

    /** These conditions and {@code column = value} first, so it leads the index choice. */
    private AuditPageSql with(String column, Object value) {
        AuditPageSql branch = new AuditPageSql();
        branch.equal(column, value);
        branch.conditions.append(conditions.isEmpty() ? "" : " and " + conditions.substring(" where ".length()));
        branch.values.addAll(values);
        return branch;
    }

    private Statement select(int limit) {
        List<Object> all = new ArrayList<>(values);
        all.add(limit);
        return new Statement("select * from audit_event" + conditions + NEWEST_FIRST, all);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
