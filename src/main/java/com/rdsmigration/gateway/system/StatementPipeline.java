package com.rdsmigration.gateway.system;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the statements of one transaction to PostgreSQL in as few round trips as the callers' logic allows. A write
 * whose result is only checked ({@link Spec#later}) waits, and leaves with the next statement whose result a caller
 * needs now ({@link Spec#update}, {@link Spec#queryForLong}) or, at the latest, just before the transaction commits.
 * The statements of one round trip are one multi-statement {@link PreparedStatement}: the PostgreSQL driver sends them
 * together and waits once, and they run in the order they were made, so a caller that takes shared rows last still
 * locks them last. The last trip carries the commit itself unless something must still be able to roll it back (see
 * {@code PendingFlush}), so the rows it locks are held for no further round trip; a statement the database refuses
 * stops its trip before that commit, and may answer with its caller's own exception ({@link Spec#onFailure}).
 *
 * <p>Outside a transaction, and on any other database (the embedded H2 default, whose round trips cost nothing), each
 * statement runs on its own, at once. A statement that fails fails the call that sent it, which is the next caller's
 * call or the commit: either way the transaction rolls back whole.
 */
@Component
public class StatementPipeline {

    private final RoundTrips trips;

    public StatementPipeline(DataSource dataSource) {
        this.trips = new RoundTrips(dataSource);
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
            queue(PipelinedStatement.of(sql, params, count -> {}, PipelinedStatement.Rows.NONE, false, failure));
        }

        /**
         * As {@link #later()}, handing its update count to {@code check}, which may throw to fail the call and roll
         * the transaction back: the round trip it goes in never carries the commit.
         */
        public void later(IntConsumer check) {
            queue(PipelinedStatement.of(sql, params, check, PipelinedStatement.Rows.NONE, true, failure));
        }

        /**
         * As {@link #later()}, handing its update count to {@code verify} once it has been sent: {@code verify} may
         * throw to fail the call, but the round trip it went in may have committed.
         */
        public void laterVerified(IntConsumer verify) {
            queue(PipelinedStatement.of(sql, params, verify, PipelinedStatement.Rows.NONE, false, failure));
        }

        /**
         * As {@link #later()}, handing the first column of its first row, if any, to {@code value} once it has been
         * sent (which may be in the round trip that commits).
         */
        public void laterForLong(LongConsumer value) {
            queue(PipelinedStatement.of(
                    sql,
                    params,
                    count -> {},
                    rows -> PipelinedStatement.firstLong(rows).ifPresent(value::accept),
                    false,
                    failure));
        }

        /** Sent now, with whatever waits before it; its update count. */
        public int update() {
            int[] count = new int[1];
            now(PipelinedStatement.of(
                    sql, params, updated -> count[0] = updated, PipelinedStatement.Rows.NONE, false, failure));
            return count[0];
        }

        /** Sent now, with whatever waits before it; the first column of its first row, if any. */
        public Optional<Long> queryForLong() {
            List<Long> value = new ArrayList<>(1);
            now(PipelinedStatement.of(
                    sql,
                    params,
                    updated -> {},
                    rows -> PipelinedStatement.firstLong(rows).ifPresent(value::add),
                    false,
                    failure));
            return value.stream().findFirst();
        }
    }

    private void queue(PipelinedStatement statement) {
        List<PipelinedStatement> pending = pending();
        if (pending == null) {
            trips.send(List.of(statement), false);
        } else {
            pending.add(statement);
        }
    }

    private void now(PipelinedStatement statement) {
        List<PipelinedStatement> trip = new ArrayList<>();
        List<PipelinedStatement> pending = pending();
        if (pending != null) {
            trip.addAll(pending);
            pending.clear();
        }
        trip.add(statement);
        trips.send(trip, false);
    }

    /** This transaction's waiting statements; null when there is no transaction, or when each runs on its own. */
    private @Nullable List<PipelinedStatement> pending() {
        if (!TransactionSynchronizationManager.isActualTransactionActive() || !inPostgres()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<PipelinedStatement> pending =
                (List<PipelinedStatement>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<PipelinedStatement> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new PendingFlush(this, created, trips));
            pending = created;
        }
        return pending;
    }

    /**
     * Whether the store is PostgreSQL, asked of the connection of the transaction in progress: for a caller whose
     * PostgreSQL statement (an upsert, say) has no portable twin that costs as little.
     */
    public boolean inPostgres() {
        return trips.inPostgres();
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
}
