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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerHolder;
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
 * locks them last. The last trip carries the commit itself unless something must still be able to roll it back (see
 * {@code mayCommitWith}), so the rows it locks are held for no further round trip; a statement the database refuses
 * stops its trip before that commit, and may answer with its caller's own exception ({@link Spec#onFailure}).
 *
 * <p>Outside a transaction, and on any other database (the embedded H2 default, whose round trips cost nothing), each
 * statement runs on its own, at once. A statement that fails fails the call that sent it, which is the next caller's
 * call or the commit: either way the transaction rolls back whole.
 */
@Component
public class StatementPipeline {

    /** Whether a kind of synchronization does anything before the commit (and so might still write). */
    private static final ClassValue<Boolean> ACTS_BEFORE_COMMIT = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return overrides(type, "beforeCommit", boolean.class) || overrides(type, "beforeCompletion");
        }
    };

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
        private Function<RuntimeException, @Nullable RuntimeException> failure = failed -> null;

        private Spec(String sql) {
            this.sql = sql;
        }

        public Spec param(String name, @Nullable Object value) {
            params.put(name, value);
            return this;
        }

        /**
         * What the call that sends this statement throws instead when the database refuses it: {@code failure} is
         * handed the error (a {@code DataAccessException}) and answers the caller's own exception, or null when the
         * error is not this statement's (a round trip fails as one, whichever of its statements the database refused).
         */
        public Spec onFailure(Function<RuntimeException, @Nullable RuntimeException> failure) {
            this.failure = failure;
            return this;
        }

        /**
         * Sent before this transaction commits, with the next statement sent; nothing reads its result. It may go in
         * the round trip that commits.
         */
        public void later() {
            queue(Statement.of(sql, params, count -> {}, Rows.NONE, false, failure));
        }

        /**
         * As {@link #later()}, handing its update count to {@code check}, which may throw to fail the call and roll
         * the transaction back: the round trip it goes in never carries the commit.
         */
        public void later(IntConsumer check) {
            queue(Statement.of(sql, params, check, Rows.NONE, true, failure));
        }

        /**
         * As {@link #later()}, handing its update count to {@code verify} once it has been sent: {@code verify} may
         * throw to fail the call, but the round trip it went in may have committed.
         */
        public void laterVerified(IntConsumer verify) {
            queue(Statement.of(sql, params, verify, Rows.NONE, false, failure));
        }

        /**
         * As {@link #later()}, handing the first column of its first row, if any, to {@code value} once it has been
         * sent (which may be in the round trip that commits).
         */
        public void laterForLong(LongConsumer value) {
            queue(Statement.of(
                    sql, params, count -> {}, rows -> firstLong(rows).ifPresent(value::accept), false, failure));
        }

        /** Sent now, with whatever waits before it; its update count. */
        public int update() {
            int[] count = new int[1];
            now(Statement.of(sql, params, updated -> count[0] = updated, Rows.NONE, false, failure));
            return count[0];
        }

        /** Sent now, with whatever waits before it; the first column of its first row, if any. */
        public Optional<Long> queryForLong() {
            List<Long> value = new ArrayList<>(1);
            now(Statement.of(
                    sql, params, updated -> {}, rows -> firstLong(rows).ifPresent(value::add), false, failure));
            return value.stream().findFirst();
        }
    }

    private static boolean overrides(Class<?> type, String method, Class<?>... parameters) {
        try {
            return type.getMethod(method, parameters).getDeclaringClass() != TransactionSynchronization.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    private static Optional<Long> firstLong(ResultSet rows) throws SQLException {
        if (rows.next()) {
            long first = rows.getLong(1);
            if (!rows.wasNull()) {
                return Optional.of(first);
            }
        }
        return Optional.empty();
    }

    private void queue(Statement statement) {
        List<Statement> pending = pending();
        if (pending == null) {
            send(List.of(statement), false);
        } else {
            pending.add(statement);
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
        send(trip, false);
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

    /**
     * One round trip: the statements joined into one, their parameters in the same order, and the commit last when
     * {@code commit}. A statement the database refuses stops the trip there, commit and all.
     */
    private void send(List<Statement> trip, boolean commit) {
        StringBuilder sql = new StringBuilder();
        List<@Nullable Object> values = new ArrayList<>();
        for (Statement statement : trip) {
            sql.append(sql.isEmpty() ? "" : ";\n").append(statement.sql());
            values.addAll(statement.values());
        }
        if (commit) {
            sql.append(";\ncommit");
        }
        try {
            jdbc.execute(sql.toString(), (PreparedStatement ps) -> {
                bind(ps, values);
                readResults(ps, trip);
                return null;
            });
        } catch (DataAccessException refused) {
            for (Statement statement : trip) {
                RuntimeException translated = statement.failure().apply(refused);
                if (translated != null) {
                    translated.addSuppressed(refused);
                    throw translated;
                }
            }
            throw refused;
        }
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

    /** Whether {@code failure} is the database refusing a row that breaks the constraint named {@code constraint}. */
    public static boolean violates(Throwable failure, String constraint) {
        String name = constraint.toLowerCase(Locale.ROOT);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(name)) {
                return failure instanceof DataIntegrityViolationException;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface Rows {
        Rows NONE = resultSet -> {};

        void read(ResultSet resultSet) throws SQLException;
    }

    /** A statement ready to send; {@code vetoes} when its check must be able to roll its trip back. */
    private record Statement(
            String sql,
            List<@Nullable Object> values,
            IntConsumer check,
            Rows rows,
            boolean vetoes,
            Function<RuntimeException, @Nullable RuntimeException> failure) {

        static Statement of(
                String sql,
                Map<String, @Nullable Object> params,
                IntConsumer check,
                Rows rows,
                boolean vetoes,
                Function<RuntimeException, @Nullable RuntimeException> failure) {
            MapSqlParameterSource source = new MapSqlParameterSource(params);
            ParsedSql parsed = PARSED.get(sql);
            String positional = NamedParameterUtils.substituteNamedParameters(parsed, source);
            Object[] values = NamedParameterUtils.buildValueArray(parsed, source, null);
            return new Statement(positional, Arrays.asList(values), check, rows, vetoes, failure);
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
                send(trip, mayCommitWith(trip));
            }
        }

        /**
         * Whether the last round trip may carry the commit, so that the rows it locks are held for no further round
         * trip: when none of its statements needs to be able to roll it back, no other synchronization of the
         * transaction acts before the commit (one that only hears of it afterwards may stay), and no JPA session holds
         * changes it would write after this trip (the driver's own commit then finds nothing left to commit).
         */
        private boolean mayCommitWith(List<Statement> trip) {
            if (trip.stream().anyMatch(Statement::vetoes)) {
                return false;
            }
            for (TransactionSynchronization other : TransactionSynchronizationManager.getSynchronizations()) {
                if (other != this && ACTS_BEFORE_COMMIT.get(other.getClass())) {
                    return false;
                }
            }
            for (Object resource :
                    TransactionSynchronizationManager.getResourceMap().values()) {
                if (resource instanceof EntityManagerHolder holder
                        && holder.getEntityManager().unwrap(Session.class).isDirty()) {
                    return false;
                }
            }
            return true;
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
