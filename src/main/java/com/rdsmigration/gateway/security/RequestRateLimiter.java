package com.rdsmigration.gateway.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request buckets of this replica, one per team, in memory. Teams come from the configured keys and the trusted
 * token issuer, so the map stays as small as the list of teams. Time comes from the application {@link Clock}, never
 * running backwards for the buckets, so tests drive the refill instead of sleeping.
 */
final class RequestRateLimiter {

    private final RateLimitProperties properties;
    private final Teams teams;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RequestRateLimiter(RateLimitProperties properties, Teams teams, Clock clock) {
        this.properties = properties;
        this.teams = teams;
        this.time = new ClockTimeMeter(clock);
    }

    /** Takes one request from the team's bucket; answers how long to wait when it is empty, nothing when admitted. */
    Optional<Refusal> tryAcquire(String team) {
        Optional<RateLimitProperties.Limit> limit =
                properties.limitOf(teams.of(team).map(TeamSettings::rateLimit).orElse(null));
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        ConsumptionProbe probe =
                buckets.computeIfAbsent(team, name -> newBucket(limit.get())).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(limit.get(), wholeSeconds(probe.getNanosToWaitForRefill())));
    }

    private Bucket newBucket(RateLimitProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.burst())
                        .refillGreedy(1, limit.refillPeriod())
                        .build())
                .withCustomTimePrecision(time)
                .build();
    }

    /** Rounded up, at least a second: a caller that waits as long as {@code Retry-After} says finds a request ready. */
    private static Duration wholeSeconds(long nanos) {
        return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    /** A request refused under {@code limit}; a new one is admitted after {@code retryAfter}. */
    record Refusal(RateLimitProperties.Limit limit, Duration retryAfter) {}

    /** The application clock as bucket4j reads time, never going back (a clock set back must not refill anything). */
    private static final class ClockTimeMeter implements TimeMeter {

        private final Clock clock;
        private final AtomicLong latest = new AtomicLong(Long.MIN_VALUE);

        ClockTimeMeter(Clock clock) {
            this.clock = clock;
        }

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return latest.accumulateAndGet(now.getEpochSecond() * 1_000_000_000L + now.getNano(), Math::max);
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
