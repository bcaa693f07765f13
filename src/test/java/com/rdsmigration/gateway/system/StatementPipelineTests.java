package com.rdsmigration.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.support.TestDatabase;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link StatementPipeline} on PostgreSQL: what waits is sent with the next statement, in order, or by the commit; a
 * failed check or a rollback keeps nothing; a transaction started inside another keeps its own statements.
 */
class StatementPipelineTests {

    private static SimpleDriverDataSource dataSource;
    private static JdbcTemplate elsewhere;

    private StatementPipeline statements;
    private TransactionTemplate transactions;

    @BeforeAll
    static void schema() {
        JdbcConnectionDetails details = TestDatabase.newSchema();
        dataSource = new SimpleDriverDataSource(
                new org.postgresql.Driver(), details.getJdbcUrl(), details.getUsername(), details.getPassword());
        // a data source of its own: a transaction of the one above is never this connection's
        elsewhere = new JdbcTemplate(new SimpleDriverDataSource(
                new org.postgresql.Driver(), details.getJdbcUrl(), details.getUsername(), details.getPassword()));
        elsewhere.execute("create table pipeline_probe (id int primary key, n int, label text)");
    }

    @BeforeEach
    void emptyTable() {
        elsewhere.execute("delete from pipeline_probe");
        statements = new StatementPipeline(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void whatWaitsLeavesWithTheNextStatementInTheOrderItWasMade() {
        transactions.executeWithoutResult(status -> {
            insert(1, 1);
            statements
                    .sql("update pipeline_probe set n = n + 1 where id = :id")
                    .param("id", 1)
                    .later();
            assertThat(new JdbcTemplate(dataSource).queryForList("select id from pipeline_probe", Integer.class))
                    .as("not sent yet: the transaction's own connection does not see it either")
                    .isEmpty();

            int updated = statements
                    .sql("update pipeline_probe set n = n * 10 where id = :id")
                    .param("id", 1)
                    .update();

            assertThat(updated).isEqualTo(1);
            assertThat(rows())
                    .as("another connection sees nothing before the commit")
                    .isEmpty();
        });
        assertThat(n(1)).isEqualTo(20);
    }

    @Test
    void theCommitSendsWhatStillWaits() {
        transactions.executeWithoutResult(status -> insert(2, 5));

        assertThat(n(2)).isEqualTo(5);
    }

    @Test
    void aQueryReadsWhatWaitedBeforeIt() {
        Optional<Long> found = transactions.execute(status -> {
            insert(3, 42);
            return statements
                    .sql("select n from pipeline_probe where id = :id")
                    .param("id", 3)
                    .queryForLong();
        });
        Optional<Long> missing = transactions.execute(status -> statements
                .sql("select n from pipeline_probe where id = :id")
                .param("id", 4)
                .queryForLong());

        assertThat(found).contains(42L);
        assertThat(missing).isEmpty();
    }

    @Test
    void aFailedCheckFailsTheCommitAndKeepsNothing() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    insert(5, 1);
                    statements
                            .sql("update pipeline_probe set n = 0 where id = :id")
                            .param("id", 999)
                            .later(updated -> {
                                if (updated != 1) {
                                    throw new EmptyResultDataAccessException("no row 999", 1);
                                }
                            });
                }))
                .isInstanceOf(EmptyResultDataAccessException.class);

        assertThat(rows()).isEmpty();
    }

    @Test
    void aRollbackDropsWhatWaits() {
        transactions.executeWithoutResult(status -> {
            insert(6, 1);
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> insert(7, 1));

        assertThat(rows()).containsExactly(7);
    }

    @Test
    void outsideATransactionEachStatementRunsAtOnce() {
        insert(8, 3);

        assertThat(n(8)).isEqualTo(3);
    }

    @Test
    void aTransactionStartedInsideAnotherKeepsItsOwnStatements() {
        TransactionTemplate inner = new TransactionTemplate(transactions.getTransactionManager());
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        transactions.executeWithoutResult(status -> {
            insert(9, 1);
            inner.executeWithoutResult(innerStatus -> insert(10, 1));
            assertThat(rows()).as("the inner one committed alone").containsExactly(10);
            status.setRollbackOnly();
        });

        assertThat(rows()).containsExactly(10);
    }

    @Test
    void aValueIsNeverReadAsAStatementSeparator() {
        String hostile = "x'; delete from pipeline_probe; --";
        transactions.executeWithoutResult(status -> {
            insert(11, 1);
            statements
                    .sql("update pipeline_probe set label = :label where id = :id")
                    .param("label", hostile)
                    .param("id", 11)
                    .later();
            statements
                    .sql("update pipeline_probe set label = coalesce(:label, label) where id = :id")
                    .param("label", null)
                    .param("id", 11)
                    .update();
        });

        assertThat(elsewhere.queryForObject("select label from pipeline_probe where id = 11", String.class))
                .isEqualTo(hostile);
    }

    @Test
    void theLastTripCarriesTheCommitWhenNothingInItCanRollItBack() {
        List<String> sent = recordingTrips();

        Long read = transactions.execute(status -> {
            insert(12, 1);
            long[] value = {-1};
            statements
                    .sql("update pipeline_probe set n = n + 1 where id = :id returning n")
                    .param("id", 12)
                    .laterForLong(n -> value[0] = n);
            return value[0];
        });

        assertThat(read).as("read once its trip has left, at the commit").isEqualTo(-1L);
        assertThat(n(12)).isEqualTo(2);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).endsWith(";\ncommit");
    }

    @Test
    void aTripWhoseCheckCanRollItBackLeavesTheCommitToTheTransaction() {
        List<String> sent = recordingTrips();

        transactions.executeWithoutResult(status -> statements
                .sql("insert into pipeline_probe (id, n) values (:id, 1)")
                .param("id", 13)
                .later(inserted -> assertThat(inserted).isEqualTo(1)));
        transactions.executeWithoutResult(status -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    elsewhere.update("insert into pipeline_probe (id, n) values (15, 1)");
                }
            });
            insert(14, 1);
        });

        assertThat(rows()).containsExactly(13, 14, 15);
        assertThat(sent)
                .as("neither trip: a check, then another synchronization that acts before the commit")
                .noneMatch(trip -> trip.endsWith("commit"));
    }

    @Test
    void aSynchronizationThatOnlyHearsOfTheCommitLetsTheLastTripCarryIt() {
        List<String> sent = recordingTrips();
        boolean[] heard = {false};

        transactions.executeWithoutResult(status -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    heard[0] = true;
                }
            });
            insert(16, 1);
        });

        assertThat(heard[0]).isTrue();
        assertThat(rows()).containsExactly(16);
        assertThat(sent).singleElement().satisfies(trip -> assertThat(trip).endsWith(";\ncommit"));
    }

    @Test
    void aStatementTheDatabaseRefusesStopsItsTripCommitAndAllAndIsAnsweredWithItsOwnException() {
        transactions.executeWithoutResult(status -> insert(15, 1));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    insert(16, 1);
                    statements
                            .sql("insert into pipeline_probe (id, n) values (:id, 2)")
                            .param("id", 15)
                            .onFailure(failed -> failed instanceof DuplicateKeyException
                                    ? new IllegalStateException("15 is taken")
                                    : null)
                            .later();
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("15 is taken")
                .satisfies(thrown ->
                        assertThat(thrown.getSuppressed()).hasOnlyElementsOfType(DuplicateKeyException.class));

        assertThat(rows()).as("the row made before it in the same trip is gone").containsExactly(15);
    }

    /** The pipeline and the transactions on a data source that records the SQL of each round trip. */
    private List<String> recordingTrips() {
        List<String> sent = new ArrayList<>();
        DataSource recording = (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = method.invoke(dataSource, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    return Proxy.newProxyInstance(
                            getClass().getClassLoader(), new Class<?>[] {Connection.class}, (c, m, a) -> {
                                if (m.getName().equals("prepareStatement")) {
                                    sent.add((String) a[0]);
                                }
                                return m.invoke(connection, a);
                            });
                });
        statements = new StatementPipeline(recording);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(recording));
        return sent;
    }

    private void insert(int id, int n) {
        statements
                .sql("insert into pipeline_probe (id, n) values (:id, :n)")
                .param("id", id)
                .param("n", n)
                .later();
    }

    private static List<Integer> rows() {
        return elsewhere.queryForList("select id from pipeline_probe order by id", Integer.class);
    }

    private static int n(int id) {
        Integer n = elsewhere.queryForObject("select n from pipeline_probe where id = ?", Integer.class, id);
        return n == null ? -1 : n;
    }
}
