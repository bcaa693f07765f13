package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.TransientRdsException.Refusal;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Wraps every upstream call in the Resilience4j instances of {@code resilience4j.*}: {@value #READ} for the Describe
 * actions, {@value #WRITE} for the others. Each attempt passes the circuit breaker, the shared rate limit and the
 * bulkhead, and the retry repeats whole attempts (so each is signed afresh and takes its own permit). A refusal by the
 * breaker, the rate limit or the bulkhead becomes a {@link TransientRdsException} with a
 * {@link TransientRdsException#refusal()}: it reached nobody, and is neither retried nor held against the upstream.
 */
final class RdsResilience {

    static final String READ = "rdsRead";
    static final String WRITE = "rdsWrite";

    private final Policy read;
    private final Policy write;
    private final UpstreamRateLimiter rateLimiter;
    private final UpstreamAdmission admission;

    RdsResilience(
            RetryRegistry retries,
            CircuitBreakerRegistry breakers,
            BulkheadRegistry bulkheads,
            UpstreamRateLimiter rateLimiter,
            UpstreamAdmission admission) {
        this.read = new Policy(retries.retry(READ), breakers.circuitBreaker(READ), bulkheads.bulkhead(READ));
        this.write = new Policy(retries.retry(WRITE), breakers.circuitBreaker(WRITE), bulkheads.bulkhead(WRITE));
        this.rateLimiter = rateLimiter;
        this.admission = admission;
    }

    /** Calls {@code attempt} once or more, each time with a rate-limit permit it confirms just before sending. */
    <T> T call(String action, Function<Attempt, T> attempt) {
        admission.admit(action).ifPresent(refused -> {
            throw TransientRdsException.refused(action, Refusal.QUOTA_EXCEEDED, refused.reason(), refused.retryAfter());
        });
        Policy policy = RdsActions.isRead(action) ? read : write;
        AtomicInteger attempts = new AtomicInteger();
        Supplier<T> limited = () -> {
            UpstreamRateLimiter.Permit permit = rateLimiter.acquire(action);
            Attempt next = new Attempt(attempts.incrementAndGet(), permit);
            return Bulkhead.decorateSupplier(policy.bulkhead(), () -> attempt.apply(next))
                    .get();
        };
        Supplier<T> guarded = () -> refusalsAsTransient(action, policy, limited);
        return Retry.decorateSupplier(policy.retry(), guarded).get();
    }

    private static <T> T refusalsAsTransient(String action, Policy policy, Supplier<T> attempt) {
        try {
            return CircuitBreaker.decorateSupplier(policy.breaker(), attempt).get();
        } catch (CallNotPermittedException e) {
            throw TransientRdsException.refused(
                    action,
                    Refusal.BREAKER_OPEN,
                    "the circuit breaker " + policy.breaker().getName() + " is open after repeated upstream failures",
                    openWait(policy.breaker()));
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

    private record Policy(Retry retry, CircuitBreaker breaker, Bulkhead bulkhead) {}
}
