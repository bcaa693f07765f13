package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.TransientRdsException.Refusal;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.system.StatementPipeline;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Permits for upstream requests, one rate per class of actions ({@code reads}: the Describe actions; {@code writes}:
 * the others), as {@code rds.rate-limits.*} sets them: one permit every spacing, no bursts. Every attempt takes a
 * permit, retries included: the upstream counts each one.
 *
 * <p>A permit is a time slot, reserved without waiting: the attempt then waits for it ({@link Permit#awaitSlot()})
 * outside any transaction. A caller whose slot would start later than {@code max-wait} from now is refused with
 * {@link Refusal#RATE_LIMITED} (in a transaction, when its statement leaves, which rolls the transaction back), and
 * takes nothing.
 *
 * <p>With a shared store ({@link SharedRateSlots} in PostgreSQL) the rates hold for every replica together, as the
 * upstream throttles per cloud account, and a permit is one upsert in the transaction the caller has open. When the
 * store cannot be reached, reads fall back to a rate of this process alone (each replica then keeps the full rate,
 * which the upstream may throttle), while writes are refused: a mutation needs the store anyway.
 */
final class UpstreamRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(UpstreamRateLimiter.class);
    private static final long FALLBACK_WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final @Nullable SharedRateSlots shared;
    private final Limit reads;
    private final Limit writes;
    private final Duration maxWait;
    private final long latenessNanos;
    private final AtomicLong lastFallbackWarning = new AtomicLong(System.nanoTime() - FALLBACK_WARNING_INTERVAL_NANOS);

    private UpstreamRateLimiter(
            @Nullable SharedRateSlots shared, RdsProperties.RateLimits limits, MeterRegistry meters) {
        this.shared = shared;
        this.reads = new Limit("reads", limits.spacing(true), meters);
        this.writes = new Limit("writes", limits.spacing(false), meters);
        this.maxWait = limits.maxWait();
        this.latenessNanos = limits.jitterAllowance().toNanos() / 2;
    }

    /** Slots in the shared database, keyed by action class and spacing (a changed rate starts a row of its own). */
    static UpstreamRateLimiter shared(
            StatementPipeline statements, RdsProperties.RateLimits limits, MeterRegistry meters) {
        return new UpstreamRateLimiter(new SharedRateSlots(statements), limits, meters);
    }

    /** Rates of this process alone: for a single instance on the embedded database. */
    static UpstreamRateLimiter inProcess(RdsProperties.RateLimits limits, MeterRegistry meters) {
        return new UpstreamRateLimiter(null, limits, meters);
    }

    /** Limits that in practice never wait, for clients that test the wire rather than the policies. */
    static UpstreamRateLimiter unlimited() {
        return inProcess(
                new RdsProperties.RateLimits(1e9, 1e9, Duration.ZERO, Duration.ZERO), new SimpleMeterRegistry());
    }

    /**
     * Reserves a permit for one attempt of {@code action}, in the caller's transaction when one is open; refuses when
     * no slot starts within {@code max-wait}. Does not wait for the slot: see {@link Permit#awaitSlot()}. In a
     * transaction, the shared slot is known, or refused, once the transaction's last round trip has left.
     */
    Permit acquire(String action) {
        Permit permit = new Permit(action);
        take(action, permit, true);
        return permit;
    }

    /**
     * The time slot one attempt may reach the upstream in. The attempt waits for it, then confirms it just before it
     * is sent: one that is late (held up on its way by more than half the jitter allowance: a pause, a slow first
     * connection) gives its slot up and takes a new one, so that late attempts never crowd the following slots.
     */
    final class Permit {

        private static final int MAX_RETAKES = 3;

        private final String action;
        private long slotStart;
        private boolean known;

        private Permit(String action) {
            this.action = action;
        }

        private void startsAt(long nanoTime) {
            slotStart = nanoTime;
            known = true;
        }

        /** Parks until the slot starts. Never call it with a transaction open: others wait for its locks. */
        void awaitSlot() {
            if (!known) {
                throw new IllegalStateException("the permit's slot is not known before its transaction commits");
            }
            for (long wait = slotStart - System.nanoTime(); wait > 0; wait = slotStart - System.nanoTime()) {
                LockSupport.parkNanos(wait);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw TransientRdsException.refused(
                            action, Refusal.RATE_LIMITED, "interrupted while waiting for a rate-limit slot", maxWait);
                }
            }
        }

        void beforeSend() {
            if (latenessNanos == 0) {
                return; // no allowance for delays: any slot will do
            }
            for (int retakes = 0; System.nanoTime() - slotStart > latenessNanos; retakes++) {
                if (retakes == MAX_RETAKES) {
                    throw TransientRdsException.refused(
                            action,
                            Refusal.RATE_LIMITED,
                            "the attempt kept missing its rate-limit slot (the gateway is overloaded)",
                            Duration.ofSeconds(1));
                }
                take(action, this, false);
                awaitSlot();
            }
        }
    }

    /**
     * Reserves a slot for {@code permit}, starting now or within {@code max-wait}; a shared one is known when its
     * statement has left, which {@code later} lets wait for the caller's last round trip.
     */
    private void take(String action, Permit permit, boolean later) {
        Limit limit = RdsActions.isRead(action) ? reads : writes;
        long started = System.nanoTime();
        if (shared == null) {
            permit.startsAt(limit.takeLocally(action, started, maxWait, "permitted"));
            return;
        }
        Consumer<Duration> taken = wait -> {
            limit.record("permitted", started, wait);
            permit.startsAt(System.nanoTime() + wait.toNanos());
        };
        Supplier<RuntimeException> refused = () -> {
            limit.record("refused", started, Duration.ZERO);
            return limit.refused(action, maxWait, Duration.ZERO); // Retry-After: the minimum, 1 s
        };
        try {
            if (later) {
                shared.take(limit.key, limit.spacing, maxWait, taken, refused);
            } else {
                taken.accept(shared.takeNow(limit.key, limit.spacing, maxWait, refused));
            }
        } catch (DataAccessException storeFailure) {
            if (limit == writes) {
                limit.record("unavailable", started, Duration.ZERO);
                throw TransientRdsException.refused(
                        action,
                        Refusal.LIMITER_UNAVAILABLE,
                        "the shared rate limit cannot be read ("
                                + storeFailure.getClass().getSimpleName() + ")",
                        Duration.ofSeconds(5));
            }
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                throw storeFailure; // the caller's transaction is lost with it: the caller goes on without one
            }
            warnOfFallback(storeFailure);
            permit.startsAt(limit.takeLocally(action, started, maxWait, "permitted-locally"));
        }
    }

    private void warnOfFallback(RuntimeException failure) {
        long now = System.nanoTime();
        long last = lastFallbackWarning.get();
        if (now - last >= FALLBACK_WARNING_INTERVAL_NANOS && lastFallbackWarning.compareAndSet(last, now)) {
            log.warn(
                    "The shared upstream rate limit cannot be read ({}); reads are limited per process until the"
                            + " database is back",
                    failure.getClass().getSimpleName());
        }
    }

    /** One class of actions: its spacing, its key in the shared store, its bucket in this process and its metrics. */
    private static final class Limit {

        private final String name;
        private final String key;
        private final Duration spacing;
        private final Bucket local;
        private final MeterRegistry meters;

        private Limit(String name, Duration spacing, MeterRegistry meters) {
            this.name = name;
            this.key = "rds:" + name + ":" + spacing.toNanos() + "ns";
            this.spacing = spacing;
            this.local = Bucket.builder()
                    .addLimit(limit -> limit.capacity(1).refillGreedy(1, spacing))
                    .withNanosecondPrecision()
                    .build();
            this.meters = meters;
        }

        /** Reserves the local bucket's next token within {@code maxWait}, without waiting for it. */
        long takeLocally(String action, long started, Duration maxWait, String outcome) {
            SlotReservation slot = new SlotReservation();
            try {
                if (local.asBlocking().tryConsume(1, Math.max(1, maxWait.toNanos()), slot)) {
                    record(outcome, started, slot.wait);
                    return System.nanoTime() + slot.wait.toNanos();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            record("refused", started, Duration.ZERO);
            long nanos = local.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            throw refused(action, maxWait, Duration.ofNanos(nanos).minus(maxWait));
        }

        TransientRdsException refused(String action, Duration maxWait, Duration beyondMaxWait) {
            Duration retryAfter =
                    beyondMaxWait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : beyondMaxWait;
            return TransientRdsException.refused(
                    action,
                    Refusal.RATE_LIMITED,
                    "no permit of the upstream's " + name + " rate limit within " + maxWait.toMillis() + " ms",
                    retryAfter);
        }

        /** The time a permit cost: taking it, and the wait for its slot that follows. */
        void record(String outcome, long startedNanos, Duration wait) {
            Timer.builder("rds.rate.limit.wait")
                    .description("Time spent waiting for a permit of the upstream rate limit")
                    .tag("actions", name)
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - startedNanos + wait.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Takes the slot bucket4j reserves and remembers how far ahead it starts, instead of parking until then. */
    private static final class SlotReservation implements BlockingStrategy {

        private Duration wait = Duration.ZERO;

        @Override
        public void park(long nanosToPark) {
            wait = Duration.ofNanos(nanosToPark);
        }
    }
}
