package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.function.Supplier;

/**
 * Wraps every upstream call in the Resilience4j instances of {@code resilience4j.*}: {@value #READ} for the Describe
 * actions, {@value #WRITE} for the others. Each attempt passes the bulkhead and the circuit breaker, and the retry
 * repeats whole attempts (so each is signed afresh). A refusal by the breaker or the bulkhead becomes a
 * {@link TransientRdsException} that provably reached nobody.
 */
final class RdsResilience {

    static final String READ = "rdsRead";
    static final String WRITE = "rdsWrite";

    private final Policy read;
    private final Policy write;

    RdsResilience(RetryRegistry retries, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads) {
        this.read = new Policy(retries.retry(READ), breakers.circuitBreaker(READ), bulkheads.bulkhead(READ));
        this.write = new Policy(retries.retry(WRITE), breakers.circuitBreaker(WRITE), bulkheads.bulkhead(WRITE));
    }

    <T> T call(String action, Supplier<T> attempt) {
        Policy policy = RdsActions.isRead(action) ? read : write;
        Supplier<T> guarded = () -> refusalsAsTransient(action, policy, attempt);
        return Retry.decorateSupplier(policy.retry(), guarded).get();
    }

    private static <T> T refusalsAsTransient(String action, Policy policy, Supplier<T> attempt) {
        try {
            return CircuitBreaker.decorateSupplier(
                            policy.breaker(), Bulkhead.decorateSupplier(policy.bulkhead(), attempt))
                    .get();
        } catch (CallNotPermittedException e) {
            throw new TransientRdsException(
                    action,
                    0,
                    null,
                    null,
                    "the circuit breaker " + policy.breaker().getName() + " is open",
                    true,
                    null);
        } catch (BulkheadFullException e) {
            throw new TransientRdsException(
                    action, 0, null, null, "too many upstream calls in flight (bulkhead full)", true, null);
        }
    }

    private record Policy(Retry retry, CircuitBreaker breaker, Bulkhead bulkhead) {}
}
