package com.rdsmigration.gateway.security;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How fast each team may call the gateway's own API ({@code gateway.security.rate-limit.*}): a token bucket per team
 * and replica, refilled at {@code requestsPerSecond} and holding up to {@code burst} requests.
 *
 * @param enabled {@code false} turns the limit off for every team
 * @param requestsPerSecond the sustained rate of each team; {@code 0} means unlimited
 * @param burst how many requests a team may send at once after a quiet spell
 *     <p>A team's own rate and burst are set in its block, {@code gateway.teams.<team>.rate-limit}.
 */
@Validated
@ConfigurationProperties("gateway.security.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @PositiveOrZero @DefaultValue("50") double requestsPerSecond,
        @Positive @DefaultValue("100") int burst) {

    /** A team's rate and burst, given its own settings; none when the team is not limited. */
    Optional<Limit> limitOf(TeamSettings.@Nullable RateLimit override) {
        double rate = override != null && override.requestsPerSecond() != null
                ? override.requestsPerSecond()
                : requestsPerSecond;
        int size = override != null && override.burst() != null ? override.burst() : burst;
        return enabled && rate > 0 ? Optional.of(new Limit(rate, size)) : Optional.empty();
    }

    /** A rate and a burst in force. */
    record Limit(double requestsPerSecond, int burst) {

        /** The time the bucket takes to earn one request back. */
        Duration refillPeriod() {
            return Duration.ofNanos(Math.max(1, (long) Math.ceil(1_000_000_000d / requestsPerSecond)));
        }
    }
}
