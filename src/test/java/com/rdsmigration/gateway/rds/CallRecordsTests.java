package com.rdsmigration.gateway.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.rds.wire.DescribeDBInstanceAttributeRequest;
import com.rdsmigration.gateway.rds.wire.DescribeDBInstanceAttributeResponse;
import com.rdsmigration.gateway.rds.wire.ImportDatabaseBetweenInstancesRequest;
import com.rdsmigration.gateway.rds.wire.ImportDatabaseBetweenInstancesResponse;
import com.rdsmigration.gateway.rds.wire.RdsResponse;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Which writes of an upstream call share a transaction ({@link CallRecords}): the caller's, the attempt's records, the
 * quotas and the permit before the first attempt; the caller's and the attempt's end after the answer; a retry's own
 * records with the end of the attempt before it. Each write is logged with the number of the transaction it ran in
 * (0: none), so a write made outside the transaction it belongs to, or a transaction too many, shows.
 */
class CallRecordsTests {

    static final ImportDatabaseBetweenInstancesRequest IMPORT =
            new ImportDatabaseBetweenInstancesRequest("rm-target", "rm-source", "{\"DBNames\":{\"sales\":\"sales\"}}");
    static final ImportDatabaseBetweenInstancesResponse ACCEPTED =
            new ImportDatabaseBetweenInstancesResponse("request-1", "42");

    final Transactions transactions = new Transactions();
    final List<String> writes = new ArrayList<>();
    UpstreamAdmission.@Nullable Refused refusal;

    final UpstreamAttemptListener listener = (action, attempt, parameters) -> {
        write("sending " + attempt);
        return new UpstreamAttemptListener.Outcome() {
            @Override
            public void succeeded(int httpStatus, RdsResponse answer, Duration took) {
                write("succeeded " + attempt);
            }

            @Override
            public void failed(RdsException failure, Duration took) {
                write("failed " + attempt);
            }
        };
    };

    final UpstreamAdmission admission = action -> {
        write("admission");
        if (refusal != null) {
            throw new UpstreamAdmission.NotAdmitted(refusal);
        }
    };

    final CallWrites<ImportDatabaseBetweenInstancesResponse> caller = new CallWrites<>() {
        @Override
        public void beforeFirstAttempt() {
            write("intent");
        }

        @Override
        public void answered(ImportDatabaseBetweenInstancesResponse answer) {
            write("accepted " + answer.importId());
        }
    };

    final RdsResilience resilience = new RdsResilience(
            RetryRegistry.of(RetryConfig.custom()
                    .maxAttempts(3)
                    .waitDuration(Duration.ofMillis(1))
                    .retryOnException(e -> e instanceof TransientRdsException t && t.refusal() == null)
                    .build()),
            CircuitBreakerRegistry.ofDefaults(),
            BulkheadRegistry.ofDefaults(),
            new RdsResilience.Records(transactions, listener, admission, UpstreamRateLimiter.unlimited()));

    @Test
    void aCreateCostsOneTransactionBeforeItLeavesAndOneForItsAnswer() {
        List<Integer> sentIn = new ArrayList<>();

        ImportDatabaseBetweenInstancesResponse answer = resilience.call(IMPORT, caller, attempt -> {
            sentIn.add(transactions.current);
            return ACCEPTED;
        });

        assertThat(answer).isSameAs(ACCEPTED);
        assertThat(transactions.begun).isEqualTo(2);
        assertThat(writes)
                .containsExactly("1: intent", "1: sending 1", "1: admission", "2: accepted 42", "2: succeeded 1");
        assertThat(sentIn).as("sent outside any transaction").containsExactly(0);
    }

    @Test
    void aRetryAddsOneTransactionWithItsOwnRecordsAndTheEndOfTheAttemptBefore() {
        AtomicInteger attempts = new AtomicInteger();

        resilience.call(IMPORT, caller, attempt -> {
            if (attempts.incrementAndGet() == 1) {
                throw TransientRdsException.notSent(IMPORT.action(), "connection refused", null);
            }
            return ACCEPTED;
        });

        assertThat(transactions.begun).isEqualTo(3);
        assertThat(writes)
                .containsExactly(
                        "1: intent",
                        "1: sending 1",
                        "1: admission",
                        "2: failed 1",
                        "2: sending 2",
                        "3: accepted 42",
                        "3: succeeded 2");
    }

    @Test
    void aCallThatFailsRecordsItsEndAndNothingOfTheCallersAnswer() {
        Function<RdsResilience.Attempt, ImportDatabaseBetweenInstancesResponse> refused = attempt -> {
            throw new NonTransientRdsException(IMPORT.action(), 400, "InvalidParameter", "request-2", "bad", null);
        };

        assertThatThrownBy(() -> resilience.call(IMPORT, caller, refused)).isInstanceOf(NonTransientRdsException.class);

        assertThat(transactions.begun).isEqualTo(2);
        assertThat(writes).containsExactly("1: intent", "1: sending 1", "1: admission", "2: failed 1");
    }

    @Test
    void aQuotaRefusalRollsTheFirstTransactionBackAndSendsNothing() {
        refusal = new UpstreamAdmission.Refused("the daily limit is reached", Duration.ofHours(1));

        assertRefusedWithNothingSent(TransientRdsException.Refusal.QUOTA_EXCEEDED);

        assertThat(transactions.rolledBack).containsExactly(1);
    }

    @Test
    void aMutationIsNotSentWhenItsRecordsCannotBeCommitted() {
        transactions.down = true;

        assertRefusedWithNothingSent(TransientRdsException.Refusal.STORE_UNAVAILABLE);

        assertThat(writes).isEmpty();
    }

    @Test
    void aReadGoesOnWithoutItsRecordsWhenTheStoreIsDown() {
        transactions.down = true;
        var read = new DescribeDBInstanceAttributeRequest(List.of("rm-target"));
        var described = new DescribeDBInstanceAttributeResponse("request-3", null);

        var answer = resilience.call(read, CallWrites.NONE, attempt -> described);

        assertThat(answer).isSameAs(described);
        assertThat(writes)
                .as("each written outside a transaction, where a listener logs what it cannot store")
                .containsExactly("0: sending 1", "0: admission", "0: succeeded 1");
    }

    @Test
    void anAnswerThatCannotBeRecordedFailsTheCallAsNotRecorded() {
        transactions.failFrom = 2;

        assertThatThrownBy(() -> resilience.call(IMPORT, caller, attempt -> ACCEPTED))
                .isInstanceOf(AnswerNotRecorded.class)
                .hasMessageContaining("request-1");
    }

    private void assertRefusedWithNothingSent(TransientRdsException.Refusal expected) {
        AtomicInteger sent = new AtomicInteger();
        assertThatThrownBy(() -> resilience.call(IMPORT, caller, attempt -> {
                    sent.incrementAndGet();
                    return ACCEPTED;
                }))
                .isInstanceOfSatisfying(
                        TransientRdsException.class,
                        e -> assertThat(e.refusal()).isEqualTo(expected));
        assertThat(sent).as("attempts sent").hasValue(0);
    }

    private void write(String what) {
        writes.add(transactions.current + ": " + what);
    }

    /** Transactions that number themselves; {@code down} refuses to begin any, {@code failFrom} fails from that one. */
    static final class Transactions implements TransactionOperations {

        int begun;
        int current;
        boolean down;
        int failFrom = Integer.MAX_VALUE;
        final List<Integer> rolledBack = new ArrayList<>();

        @Override
        public <T> @Nullable T execute(TransactionCallback<T> action) {
            if (down || begun + 1 >= failFrom) {
                throw new CannotCreateTransactionException("the store is down");
            }
            current = ++begun;
            TransactionStatus status = new SimpleTransactionStatus(true);
            try {
                return action.doInTransaction(status);
            } catch (RuntimeException e) {
                rolledBack.add(current);
                throw e;
            } finally {
                current = 0;
            }
        }
    }
}
