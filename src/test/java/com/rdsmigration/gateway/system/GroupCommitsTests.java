package com.rdsmigration.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * {@link GroupCommits} on PostgreSQL: transactions that raise the same shared row while another's trip is on its way
 * commit together, in one transaction (their rows share one {@code xmin}); one that the database refuses sends its own
 * trip alone afterwards and is answered alone, the others committed; transactions that raise other rows, or whose
 * connection has sent something already, are not grouped.
 */
class GroupCommitsTests extends PipelineProbe {

    /** Holds the shared rows 0 and 1 locked, so that the first transaction's trip waits on its way. */
    private Connection blocker;

    private final List<CompletableFuture<Void>> running = new ArrayList<>();

    @BeforeEach
    void sharedRowsLocked() throws Exception {
        elsewhere.update("insert into pipeline_probe (id, n) values (0, 0), (1, 0)");
        blocker = dataSource.getConnection();
        blocker.setAutoCommit(false);
        blocker.createStatement().execute("select * from pipeline_probe where id in (0, 1) for update");
    }

    @AfterEach
    void released() throws Exception {
        blocker.rollback();
        blocker.close();
    }

    @Test
    void transactionsThatRaiseTheSameRowWhileATripIsOnItsWayCommitTogether() throws Exception {
        start(10, 0, false);
        awaitLockWaits(1);
        start(11, 0, false);
        start(12, 0, false);
        start(13, 1, false); // another shared row: not with them
        await().atMost(Duration.ofSeconds(10)).until(() -> statements.waitingToCommit() == 2);

        blocker.commit();
        finish();

        assertThat(xmin(11)).as("grouped").isEqualTo(xmin(12));
        assertThat(xmin(10)).as("the first went alone").isNotEqualTo(xmin(11));
        assertThat(xmin(13)).isNotEqualTo(xmin(11)).isNotEqualTo(xmin(10));
        assertThat(n(0)).isEqualTo(3);
        assertThat(n(1)).isEqualTo(1);
    }

    @Test
    void aRefusedMemberIsAnsweredAloneAndTheOthersCommitWithoutIt() throws Exception {
        elsewhere.update("insert into pipeline_probe (id, n) values (22, 0)");
        start(20, 0, false);
        awaitLockWaits(1);
        start(21, 0, false);
        CompletableFuture<Void> refused = start(22, 0, false); // its own row exists already
        start(23, 0, false);
        await().atMost(Duration.ofSeconds(10)).until(() -> statements.waitingToCommit() == 3);

        blocker.commit();

        assertThat(refused)
                .failsWithin(10, TimeUnit.SECONDS)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(DuplicateKeyException.class);
        running.remove(refused);
        finish();
        assertThat(rows()).containsExactly(0, 1, 20, 21, 22, 23);
        assertThat(n(22)).as("the row that was there").isZero();
        assertThat(n(0))
                .as("raised by the four that committed, not by the refused one")
                .isEqualTo(3);
        assertThat(xmin(21)).as("each sent alone after the group's trip failed").isNotEqualTo(xmin(23));
    }

    @Test
    void aTransactionWhoseConnectionHasSentSomethingIsNotGrouped() throws Exception {
        start(30, 0, false);
        awaitLockWaits(1);
        start(31, 0, true);
        awaitLockWaits(2); // on its way alone, waiting for the row like the first
        start(32, 0, false);
        start(33, 0, false);
        await().atMost(Duration.ofSeconds(10)).until(() -> statements.waitingToCommit() == 2);

        blocker.commit();
        finish();

        assertThat(xmin(32)).as("grouped").isEqualTo(xmin(33));
        assertThat(xmin(31)).isNotEqualTo(xmin(32)).isNotEqualTo(xmin(30));
        assertThat(n(0)).isEqualTo(4);
    }

    /** A transaction inserting its own row and raising the shared row {@code shared}; {@code sentFirst}: after a read. */
    private CompletableFuture<Void> start(int id, int shared, boolean sentFirst) {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            if (sentFirst) {
                statements.sql("select count(*) from pipeline_probe").queryForLong();
            }
            insert(id, 1);
            statements
                    .sql("update pipeline_probe set n = n + 1 where id = :id")
                    .param("id", shared)
                    .sharedRow()
                    .later();
        }));
        running.add(done);
        return done;
    }

    private void finish() {
        running.forEach(done -> assertThat(done).succeedsWithin(10, TimeUnit.SECONDS));
    }

    private static void awaitLockWaits(int sessions) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> elsewhere.queryForObject(
                                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                        + " and datname = current_database() and query like '%pipeline_probe%'",
                                Integer.class)
                        >= sessions);
    }

    private static long xmin(int id) {
        Long xmin =
                elsewhere.queryForObject("select xmin::text::bigint from pipeline_probe where id = ?", Long.class, id);
        return xmin == null ? -1 : xmin;
    }
}
