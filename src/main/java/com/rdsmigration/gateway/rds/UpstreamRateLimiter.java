package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.TransientRdsException.Refusal;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Permits for upstream requests, one token bucket per class of actions ({@code reads}: the Describe actions;
 * {@code writes}: the others), as {@code rds.rate-limits.*} sets them. Every attempt takes a permit, retries included:
 * the upstream counts each one.
 *
 * <p>With a shared store (bucket4j's PostgreSQL backend) the buckets hold for every replica together, as the upstream
 * throttles per cloud account. A caller waits up to {@code max-wait} for its permit (the permit is reserved, so callers
 * are served in order), or is refused with {@link Refusal#RATE_LIMITED} at once when the wait would be longer.
 *
 * <p>When the store cannot be reached, reads fall back to buckets of this process alone (each replica then keeps the
 * full rate, which the upstream may throttle), while writes are refused: a mutation needs the store anyway.
 */
final class UpstreamRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(UpstreamRateLimiter.class);
    private static final long FALLBACK_WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Limit reads;
    private final Limit writes;
    private final Duration maxWait;
    private final long latenessNanos;
    private final AtomicLong lastFallbackWarning = new AtomicLong(System.nanoTime() - FALLBACK_WARNING_INTERVAL_NANOS);

    private UpstreamRateLimiter(Limit reads, Limit writes, RdsProperties.RateLimits limits) {
        this.reads = reads;
        this.writes = writes;
        this.maxWait = limits.maxWait();
        this.latenessNanos = limits.jitterAllowance().toNanos() / 2;
    }

    /** Buckets in the shared store, keyed by action class and spacing (a changed rate starts a bucket of its own). */
    static UpstreamRateLimiter shared(
            ProxyManager<String> store, RdsProperties.RateLimits limits, MeterRegistry meters) {
        return new UpstreamRateLimiter(
                Limit.shared(store, "reads", limits.spacing(true), meters),
                Limit.shared(store, "writes", limits.spacing(false), meters),
                limits);
    }

    /** Buckets of this process alone: for a single instance on the embedded database. */
    static UpstreamRateLimiter inProcess(RdsProperties.RateLimits limits, MeterRegistry meters) {
        return new UpstreamRateLimiter(
                Limit.local("reads", limits.spacing(true), meters),
                Limit.local("writes", limits.spacing(false), meters),
                limits);
    }

    /** Limits that in practice never wait, for clients that test the wire rather than the policies. */
    static UpstreamRateLimiter unlimited() {
        return inProcess(
                new RdsProperties.RateLimits(1e9, 1e9, Duration.ZERO, Duration.ZERO), new SimpleMeterRegistry());
    }

    /** Takes a permit for one attempt of {@code action}, waiting for it if need be; refuses when none comes in time. */
    Permit acquire(String action) {
        return new Permit(action, take(action));
    }

    /**
     * The time slot one attempt may reach the upstream in. The attempt confirms it just before it is sent: one that
     * is late (held up on its way by more than half the jitter allowance: a pause, a slow first connection) gives its
     * slot up and takes a new one, so that late attempts never crowd the attempts of the following slots.
     */
    final class Permit {

        private static final int MAX_RETAKES = 3;

        private final String action;
        private long grantedAt;

        private Permit(String action, long grantedAt) {
            this.action = action;
            this.grantedAt = grantedAt;
        }

        void beforeSend() {
            if (latenessNanos == 0) {
                return; // no allowance for delays: any slot will do
            }
            for (int retakes = 0; System.nanoTime() - grantedAt > latenessNanos; retakes++) {
                if (retakes == MAX_RETAKES) {
                    throw TransientRdsException.refused(
                            action,
                            Refusal.RATE_LIMITED,
                            "the attempt kept missing its rate-limit slot (the gateway is overloaded)",
                            Duration.ofSeconds(1));
                }
                grantedAt = take(action);
            }
        }
    }

    /**
     * Waits for a permit; answers the start of its slot ({@link System#nanoTime()}): when the bucket had the token
     * for it, not when this thread woke up, which on a busy machine can be much later.
     */
    private long take(String action) {
        Limit limit = RdsActions.isRead(action) ? reads : writes;
        long started = System.nanoTime();
        Bucket bucket = limit.shared;
        SlotRecordingParking slot = new SlotRecordingParking();
        boolean permitted;
        try {
            permitted = bucket.asBlocking().tryConsume(1, Math.max(1, maxWait.toNanos()), slot);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TransientRdsException.refused(
                    action, Refusal.RATE_LIMITED, "interrupted while waiting for a rate-limit permit", maxWait);
        } catch (RuntimeException storeFailure) {
            if (limit == writes) {
                limit.record("unavailable", started);
                throw TransientRdsException.refused(
                        action,
                        Refusal.LIMITER_UNAVAILABLE,
                        "the shared rate limit cannot be read ("
                                + storeFailure.getClass().getSimpleName() + ")",
                        Duration.ofSeconds(5));
            }
            warnOfFallback(storeFailure);
            bucket = limit.fallback;
            permitted = tryLocally(bucket, slot);
        }
        if (!permitted) {
            limit.record("refused", started);
            throw TransientRdsException.refused(
                    action,
                    Refusal.RATE_LIMITED,
                    "no permit of the upstream's " + limit.name + " rate limit within " + maxWait.toMillis() + " ms",
                    retryAfter(bucket));
        }
        limit.record(bucket == limit.shared ? "permitted" : "permitted-locally", started);
        return slot.start();
    }

    private boolean tryLocally(Bucket bucket, SlotRecordingParking slot) {
        try {
            return bucket.asBlocking().tryConsume(1, Math.max(1, maxWait.toNanos()), slot);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** When a caller that comes back could have its permit within {@code max-wait}; at least a second. */
    private Duration retryAfter(Bucket bucket) {
        try {
            long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            return Duration.ofNanos(Math.max(nanos - maxWait.toNanos(), TimeUnit.SECONDS.toNanos(1)));
        } catch (RuntimeException storeFailure) {
            return Duration.ofSeconds(1);
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

    /** Parks until the reserved slot like bucket4j's own strategy, and remembers when that slot began. */
    private static final class SlotRecordingParking implements BlockingStrategy {

        private long slotStart;
        private boolean parked;

        @Override
        public void park(long nanosToPark) throws InterruptedException {
            slotStart = System.nanoTime() + nanosToPark;
            parked = true;
            BlockingStrategy.PARKING.park(nanosToPark);
        }

        /** The slot's start; a permit that was free at once is in the slot of now. */
        long start() {
            return parked ? slotStart : System.nanoTime();
        }
    }

    /** One class of actions: its shared bucket, its in-process fallback and its wait metrics. */
    private static final class Limit {

        private final String name;
        private final Bucket shared;
        private final Bucket fallback;
        private final MeterRegistry meters;

        private Limit(String name, Bucket shared, Bucket fallback, MeterRegistry meters) {
            this.name = name;
            this.shared = shared;
            this.fallback = fallback;
            this.meters = meters;
        }

        static Limit shared(ProxyManager<String> store, String name, Duration spacing, MeterRegistry meters) {
            String key = "rds:" + name + ":" + spacing.toNanos() + "ns";
            Bucket bucket = store.builder().build(key, () -> configuration(spacing));
            return new Limit(name, bucket, localBucket(spacing), meters);
        }

        static Limit local(String name, Duration spacing, MeterRegistry meters) {
            Bucket bucket = localBucket(spacing);
            return new Limit(name, bucket, bucket, meters);
        }

        void record(String outcome, long startedNanos) {
            Timer.builder("rds.rate.limit.wait")
                    .description("Time spent waiting for a permit of the upstream rate limit")
                    .tag("actions", name)
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        }

        /** One permit at a time, one every {@code spacing}: no bursts, so no second ever holds more than the rate. */
        private static BucketConfiguration configuration(Duration spacing) {
            return BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(1).refillGreedy(1, spacing))
                    .build();
        }

        private static Bucket localBucket(Duration spacing) {
            return Bucket.builder()
                    .addLimit(limit -> limit.capacity(1).refillGreedy(1, spacing))
                    .withNanosecondPrecision()
                    .build();
        }
    }
}
