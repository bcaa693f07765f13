package com.rdsmigration.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link StatementPipeline}'s last round trip on PostgreSQL: it carries the commit unless a check or a synchronization
 * acting before the commit may still need the transaction, and a statement the database refuses stops it, commit and
 * all, answered with the statement's own exception.
 */
class StatementPipelineCommitTests extends PipelineProbe {

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
}
