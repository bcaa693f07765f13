package com.rdsmigration.gateway.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ConcurrentLruCache;

/**
 * Sends the statements of one transaction to PostgreSQL in as few round trips as the callers' logic allows. A write
 * whose result is only checked ({@link Spec#later}) waits, and leaves with the next statement whose result a caller
 * needs now ({@link Spec#update}, {@link Spec#queryForLong}) or, at the latest, just before the transaction commits.
 * The statements of one round trip are one multi-statement {@link PreparedStatement}: the PostgreSQL driver sends them
 * together and waits once, and they run in the order they were made, so a caller that takes shared rows last still
 * locks them last.
 *
 * <p>Outside a transaction, and on any other database (the embedded H2 default, whose round trips cost nothing), each
 * statement runs on its own, at once. A statement that fails fails the call that sent it, which is the next caller's
 * call or the commit: either way the transaction rolls back whole.
 */
@Component
public class StatementPipeline {

    /** The statements' SQL, parsed once: callers send a handful of fixed statements, over and over. */
    private static final ConcurrentLruCache<String, ParsedSql> PARSED =
            new ConcurrentLruCache<>(256, NamedParameterUtils::parseSqlStatement);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private volatile @Nullable Boolean postgres;

    public StatementPipeline(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** A statement to send, its parameters named as in {@code JdbcClient} ({@code :name}). */
    public Spec sql(String sql) {
        return new Spec(sql);
    }

    /** One statement: its parameters, then how it is sent. */
    public final class Spec {

        private final String sql;
        private final Map<String, @Nullable Object> params = new LinkedHashMap<>();

        private Spec(String sql) {
            this.sql = sql;
        }

        public Spec param(String name, @Nullable Object value) {
            params.put(name, value);
            return this;
        }

        /** Sent before this transaction commits, with the next statement sent; nothing reads its result. */
        public void later() {
            later(count -> {});
        }

        /** As {@link #later()}, handing its update count to {@code check}, which may throw to fail the call. */
        public void later(IntConsumer check) {
            Statement statement = Statement.of(sql, params, check, Rows.NONE);
            List<Statement> pending = pending();
            if (pending == null) {
                send(List.of(statement));
            } else {
                pending.add(statement);
            }
        }

        /** Sent now, with whatever waits before it; its update count. */
        public int update() {
            int[] count = new int[1];
            now(Statement.of(sql, params, updated -> count[0] = updated, Rows.NONE));
            return count[0];
        }

        /** Sent now, with whatever waits before it; the first column of its first row, if any. */
        public Optional<Long> queryForLong() {
            List<Long> value = new ArrayList<>(1);
            now(Statement.of(sql, params, updated -> {}, rows -> {
                if (rows.next()) {
                    long first = rows.getLong(1);
                    if (!rows.wasNull()) {
                        value.add(first);
                    }
                }
            }));
            return value.stream().findFirst();
        }
    }

    private void now(Statement statement) {
        List<Statement> trip = new ArrayList<>();
        List<Statement> pending = pending();
        if (pending != null) {
            trip.addAll(pending);
            pending.clear();
        }
        trip.add(statement);
        send(trip);
    }

    /** This transaction's waiting statements; null when there is no transaction, or when each runs on its own. */
    private @Nullable List<Statement> pending() {
        if (!TransactionSynchronizationManager.isActualTransactionActive() || !inPostgres()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Statement> pending = (List<Statement>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Statement> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new Flush(created));
            pending = created;
        }
        return pending;
    }

    /** One round trip: the statements joined into one, their parameters in the same order. */
    private void send(List<Statement> trip) {
        StringBuilder sql = new StringBuilder();
        List<@Nullable Object> values = new ArrayList<>();
        for (Statement statement : trip) {
            sql.append(sql.isEmpty() ? "" : ";\n").append(statement.sql());
            values.addAll(statement.values());
        }
        jdbc.execute(sql.toString(), (PreparedStatement ps) -> {
            bind(ps, values);
            readResults(ps, trip);
            return null;
        });
    }

    private void bind(PreparedStatement ps, List<@Nullable Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            int index = i + 1;
            if (value instanceof SqlParameterValue typed) {
                StatementCreatorUtils.setParameterValue(ps, index, typed, typed.getValue());
            } else if (value == null && postgres(ps.getConnection())) {
                ps.setNull(index, Types.NULL); // the server infers its type from where it stands
            } else {
                StatementCreatorUtils.setParameterValue(ps, index, SqlTypeValue.TYPE_UNKNOWN, value);
            }
        }
    }

    private static void readResults(PreparedStatement ps, List<Statement> trip) throws SQLException {
        boolean rows = ps.execute();
        for (Statement statement : trip) {
            if (rows) {
                try (ResultSet resultSet = ps.getResultSet()) {
                    statement.rows().read(resultSet);
                }
            } else {
                statement.check().accept(ps.getUpdateCount());
            }
            rows = ps.getMoreResults();
        }
    }

    /**
     * Whether the store is PostgreSQL, asked of the connection of the transaction in progress: for a caller whose
     * PostgreSQL statement (an upsert, say) has no portable twin that costs as little.
     */
    public boolean inPostgres() {
        Boolean known = postgres;
        if (known != null) {
            return known;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return postgres(connection);
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("Cannot tell which database the store is", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Whether the store is PostgreSQL, asked of a connection the caller already holds (never a second one from the
     * pool, which a burst could have emptied) and remembered once answered.
     */
    private boolean postgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            postgres = known;
        }
        return known;
    }

    @FunctionalInterface
    private interface Rows {
        Rows NONE = resultSet -> {};

        void read(ResultSet resultSet) throws SQLException;
    }

    private record Statement(String sql, List<@Nullable Object> values, IntConsumer check, Rows rows) {

        static Statement of(String sql, Map<String, @Nullable Object> params, IntConsumer check, Rows rows) {
            MapSqlParameterSource source = new MapSqlParameterSource(params);
            ParsedSql parsed = PARSED.get(sql);
            String positional = NamedParameterUtils.substituteNamedParameters(parsed, source);
            Object[] values = NamedParameterUtils.buildValueArray(parsed, source, null);
            return new Statement(positional, Arrays.asList(values), check, rows);
        }
    }

    /** Sends what still waits just before the commit, first of all the transaction's synchronizations. */
    private final class Flush implements TransactionSynchronization {

        private final List<Statement> pending;

        Flush(List<Statement> pending) {
            this.pending = pending;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!pending.isEmpty()) {
                List<Statement> trip = new ArrayList<>(pending);
                pending.clear();
                send(trip);
            }
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(StatementPipeline.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(StatementPipeline.this, pending);
        }

        @Override
        public void afterCompletion(int status) {
            pending.clear();
            TransactionSynchronizationManager.unbindResourceIfPossible(StatementPipeline.this);
        }
    }
}
