package com.rdsmigration.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link StatementPipeline} on PostgreSQL: what waits is sent with the next statement, in order, or by the commit; a
 * failed check or a rollback keeps nothing; a transaction started inside another keeps its own statements.
 */
class StatementPipelineTests extends PipelineProbe {

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
}
