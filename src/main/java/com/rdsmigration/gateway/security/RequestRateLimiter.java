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

    /**
     * Takes one request from the team's bucket: the budget left after it, with how long to wait when the bucket was
     * empty; none when the team is not limited.
     */
    Optional<Budget> take(String team) {
        Optional<RateLimitProperties.Limit> limit =
                properties.limitOf(teams.of(team).map(TeamSettings::rateLimit).orElse(null));
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        ConsumptionProbe probe =
                buckets.computeIfAbsent(team, name -> newBucket(limit.get())).tryConsumeAndReturnRemaining(1);
        long remaining = probe.getRemainingTokens();
        Duration untilFull =
                wholeSeconds(limit.get().refillPeriod().toNanos() * (limit.get().burst() - remaining));
        return Optional.of(new Budget(
                limit.get(),
                probe.isConsumed(),
                remaining,
                untilFull,
                probe.isConsumed() ? Duration.ZERO : atLeastASecond(probe.getNanosToWaitForRefill())));
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
    private static Duration atLeastASecond(long nanos) {
        return Duration.ofSeconds(Math.max(1, wholeSeconds(nanos).toSeconds()));
    }

    private static Duration wholeSeconds(long nanos) {
        return Duration.ofSeconds((nanos + 999_999_999L) / 1_000_000_000L);
    }

    /**
     * A team's request budget after one request was taken ({@code admitted}) or refused: {@code remaining} requests
     * at once, {@code untilFull} until the bucket holds its whole burst again; a refused one may be sent again after
     * {@code retryAfter}.
     */
    record Budget(
            RateLimitProperties.Limit limit,
            boolean admitted,
            long remaining,
            Duration untilFull,
            Duration retryAfter) {}

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
