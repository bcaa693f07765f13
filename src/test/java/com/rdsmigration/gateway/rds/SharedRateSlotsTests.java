package com.rdsmigration.gateway.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.support.TestDatabase;
import com.rdsmigration.gateway.system.StatementPipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link SharedRateSlots} on PostgreSQL's real schema: a slot taken in a transaction is known once the transaction's
 * last round trip has left, each slot starts one spacing after the one before, and a slot beyond {@code max-wait} is
 * the database's refusal, which keeps nothing of its transaction.
 */
class SharedRateSlotsTests {

    private static final Duration SPACING = Duration.ofSeconds(10);
    private static final Duration MAX_WAIT = Duration.ofSeconds(15);

    private static SimpleDriverDataSource dataSource;

    private final List<Duration> waits = new ArrayList<>();
    private SharedRateSlots slots;
    private TransactionTemplate transactions;
    private JdbcTemplate jdbc;

    @BeforeAll
    static void schema() {
        JdbcConnectionDetails details = TestDatabase.newSchema();
        dataSource = TestDatabase.dataSource(details);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @BeforeEach
    void fresh() {
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("delete from upstream_rate_slot");
        jdbc.execute("delete from audit_event");
        slots = new SharedRateSlots(new StatementPipeline(dataSource));
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void aSlotTakenInATransactionIsKnownOnceItsLastTripHasLeftAndEachStartsASpacingAfterTheOneBefore() {
        transactions.executeWithoutResult(status -> {
            take();
            assertThat(waits).as("not sent before the commit").isEmpty();
        });
        transactions.executeWithoutResult(status -> take());

        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).as("the bucket's first slot starts now").isZero();
        assertThat(waits.get(1)).isGreaterThan(SPACING.minusSeconds(5)).isLessThanOrEqualTo(SPACING);
    }

    @Test
    void aSlotBeyondMaxWaitIsRefusedByTheDatabaseAndItsTransactionKeepsNothing() {
        transactions.executeWithoutResult(status -> take());
        transactions.executeWithoutResult(status -> take());
        Long nextSlot = nextSlot();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    jdbc.update(
                            "insert into audit_event (id, occurred_at, principal, action, attempt, outcome,"
                                    + " parameters) values (gen_random_uuid(), now(), 'ci', 'CancelImport', 1, 'UNKNOWN', '{}')");
                    take();
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("refused");

        assertThat(nextSlot()).as("the slot stays where it was").isEqualTo(nextSlot);
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Integer.class))
                .isZero();
        assertThat(waits).hasSize(2);
    }

    @Test
    void outsideATransactionASlotIsTakenAtOnce() {
        assertThat(slots.takeNow("rds:test", SPACING, MAX_WAIT, () -> new IllegalStateException("refused")))
                .isZero();
        assertThat(slots.takeNow("rds:test", SPACING, MAX_WAIT, () -> new IllegalStateException("refused")))
                .isPositive();
    }

    private void take() {
        slots.take("rds:test", SPACING, MAX_WAIT, waits::add, () -> new IllegalStateException("refused"));
    }

    private Long nextSlot() {
        return jdbc.queryForObject("select next_slot from upstream_rate_slot where bucket = 'rds:test'", Long.class);
    }
}
