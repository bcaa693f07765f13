package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.TransientRdsException.Refusal;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.rds.wire.RdsRequest;
import com.rdsmigration.gateway.rds.wire.RdsResponse;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Wraps every upstream call in the Resilience4j instances of {@code resilience4j.*}: {@value #READ} for the Describe
 * actions, {@value #WRITE} for the others. Each attempt passes the circuit breaker, commits its records with its quota
 * places and rate-limit permit ({@link CallRecords}), waits for its slot and is sent within the bulkhead; the retry
 * repeats whole attempts (so each is recorded, signed afresh and takes its own permit). A refusal by the breaker, the
 * rate limit, a quota or the bulkhead becomes a {@link TransientRdsException} with a
 * {@link TransientRdsException#refusal()}: it reached nobody, and is neither retried nor held against the upstream.
 */
final class RdsResilience {

    static final String READ = "rdsRead";
    static final String WRITE = "rdsWrite";

    private final Policy read;
    private final Policy write;
    private final Records records;

    RdsResilience(RetryRegistry retries, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, Records records) {
        this.read = new Policy(retries.retry(READ), breakers.circuitBreaker(READ), bulkheads.bulkhead(READ));
        this.write = new Policy(retries.retry(WRITE), breakers.circuitBreaker(WRITE), bulkheads.bulkhead(WRITE));
        this.records = records;
    }

    /**
     * Calls {@code exchange} once or more, each attempt recorded (with {@code writes} around the call) and sent in its
     * rate-limit slot; answers the answer once it is recorded.
     */
    <T extends RdsResponse> T call(RdsRequest request, CallWrites<? super T> writes, Function<Attempt, T> exchange) {
        String action = request.action();
        Policy policy = RdsActions.isRead(action) ? read : write;
        CallRecords<T> call = new CallRecords<>(request, writes, records);
        Supplier<T> attempt = () -> call.attempt(sent -> inBulkhead(action, policy, () -> exchange.apply(sent)));
        Supplier<T> guarded = () -> breakerRefusalAsTransient(action, policy, attempt);
        T answer;
        try {
            answer = Retry.decorateSupplier(policy.retry(), guarded).get();
        } catch (RuntimeException e) {
            call.failed();
            throw e;
        }
        return call.answered(answer);
    }

    private static <T> T breakerRefusalAsTransient(String action, Policy policy, Supplier<T> attempt) {
        try {
            return CircuitBreaker.decorateSupplier(policy.breaker(), attempt).get();
        } catch (CallNotPermittedException e) {
            throw TransientRdsException.refused(
                    action,
                    Refusal.BREAKER_OPEN,
                    "the circuit breaker " + policy.breaker().getName() + " is open after repeated upstream failures",
                    openWait(policy.breaker()));
        }
    }

    /**
     * The exchange alone, within the bulkhead: it bounds the calls on their way to the upstream, not those waiting
     * for their records or their slot. An attempt it refuses was recorded but never left; its end says so.
     */
    private static <T> T inBulkhead(String action, Policy policy, Supplier<T> exchange) {
        try {
            return Bulkhead.decorateSupplier(policy.bulkhead(), exchange).get();
        } catch (BulkheadFullException e) {
            throw TransientRdsException.refused(
                    action,
                    Refusal.BULKHEAD_FULL,
                    "too many upstream calls in flight (bulkhead "
                            + policy.bulkhead().getName() + " full)",
                    Duration.ofSeconds(1));
        }
    }

    /** How long an open breaker stays open before it lets trial calls through. */
    private static Duration openWait(CircuitBreaker breaker) {
        var waits = breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState();
        return Duration.ofMillis(Math.max(1000, waits.apply(1)));
    }

    /** One attempt of a call: its number (from 1) and its rate-limit permit. */
    record Attempt(int number, UpstreamRateLimiter.Permit permit) {}

    /**
     * What the records of a call are made with: the transactions they are committed in (none for clients that test
     * the wire), the listeners that record each attempt, the quotas and the rate limit.
     */
    record Records(
            TransactionOperations transactions,
            UpstreamAttemptListener listener,
            UpstreamAdmission admission,
            UpstreamRateLimiter rateLimiter) {}

    private record Policy(Retry retry, CircuitBreaker breaker, Bulkhead bulkhead) {}
}
