package com.rdsmigration.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each team's bucket on a clock the test moves: burst, refill, overrides, Retry-After and the switches that end it. */
class RequestRateLimiterTests {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    RequestRateLimiter limiter(double rate, int burst, Map<String, TeamSettings.RateLimit> teams) {
        return new RequestRateLimiter(new RateLimitProperties(true, rate, burst), teams(teams), clock);
    }

    static Teams teams(Map<String, TeamSettings.RateLimit> limits) {
        Map<String, TeamSettings> teams = new java.util.HashMap<>();
        limits.forEach(
                (team, limit) -> teams.put(team, new TeamSettings(List.of(team + "-*"), List.of(), limit, null, null)));
        return new Teams(teams);
    }

    /** The budget of a refused request; none when it was admitted (or the team is not limited). */
    static Optional<RequestRateLimiter.Budget> refusal(RequestRateLimiter limiter, String team) {
        return limiter.take(team).filter(budget -> !budget.admitted());
    }

    static int admitted(RequestRateLimiter limiter, String team, int attempts) {
        int admitted = 0;
        for (int i = 0; i < attempts; i++) {
            if (refusal(limiter, team).isEmpty()) {
                admitted++;
            }
        }
        return admitted;
    }

    @Test
    void admitsABurstThenOneRequestPerRefillPeriod() {
        RequestRateLimiter limiter = limiter(2, 3, Map.of());

        assertThat(admitted(limiter, "team-a", 5)).isEqualTo(3);
        clock.advance(Duration.ofMillis(499));
        assertThat(refusal(limiter, "team-a")).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(refusal(limiter, "team-a")).isEmpty();
        assertThat(refusal(limiter, "team-a")).isPresent();
    }

    @Test
    void keepsEachTeamToItsOwnBucket() {
        RequestRateLimiter limiter = limiter(1, 2, Map.of());

        assertThat(admitted(limiter, "team-a", 10)).isEqualTo(2);
        assertThat(admitted(limiter, "team-b", 10)).isEqualTo(2);
        assertThat(admitted(limiter, "platform", 10)).isEqualTo(2);
    }

    @Test
    void saysToRetryAfterTheWholeSecondsUntilTheNextRequest() {
        RequestRateLimiter limiter = limiter(0.4, 1, Map.of()); // one request every 2.5 s

        limiter.take("team-a");

        Optional<RequestRateLimiter.Budget> refused = refusal(limiter, "team-a");
        assertThat(refused).map(RequestRateLimiter.Budget::retryAfter).hasValue(Duration.ofSeconds(3));
        clock.advance(Duration.ofMillis(2400));
        assertThat(refusal(limiter, "team-a"))
                .map(RequestRateLimiter.Budget::retryAfter)
                .as("never less than a second")
                .hasValue(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(100));
        assertThat(refusal(limiter, "team-a")).isEmpty();
    }

    @Test
    void tellsTheBudgetLeftAndTheWholeSecondsUntilTheBucketIsFullAgain() {
        RequestRateLimiter limiter = limiter(2, 3, Map.of()); // a request back every 0.5 s, 3 at once

        assertThat(limiter.take("team-a")).hasValueSatisfying(budget -> {
            assertThat(budget.admitted()).isTrue();
            assertThat(budget.limit().burst()).isEqualTo(3);
            assertThat(budget.remaining()).isEqualTo(2);
            assertThat(budget.untilFull()).isEqualTo(Duration.ofSeconds(1));
        });
        limiter.take("team-a");
        assertThat(limiter.take("team-a"))
                .map(RequestRateLimiter.Budget::untilFull)
                .hasValue(Duration.ofSeconds(2));
        assertThat(limiter.take("team-a")).hasValueSatisfying(budget -> {
            assertThat(budget.admitted()).isFalse();
            assertThat(budget.remaining()).isZero();
            assertThat(budget.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        });
        clock.advance(Duration.ofSeconds(2));
        assertThat(limiter.take("team-a"))
                .map(RequestRateLimiter.Budget::remaining)
                .as("refilled to its burst, then one taken")
                .hasValue(2L);
        assertThat(limiter(0, 3, Map.of()).take("team-a"))
                .as("no limit, no budget")
                .isEmpty();
    }

    @Test
    void appliesATeamsOverrideAndKeepsTheDefaultForWhatItLeavesOut() {
        RequestRateLimiter limiter = limiter(
                1,
                2,
                Map.of(
                        "team-b", new TeamSettings.RateLimit(null, 5),
                        "batch", new TeamSettings.RateLimit(10.0, null)));

        assertThat(admitted(limiter, "team-a", 10)).isEqualTo(2);
        assertThat(admitted(limiter, "team-b", 10)).isEqualTo(5);
        assertThat(admitted(limiter, "batch", 10)).isEqualTo(2);
        clock.advance(Duration.ofMillis(100));
        assertThat(admitted(limiter, "batch", 10))
                .as("refilled at its own 10 a second")
                .isEqualTo(1);
        assertThat(admitted(limiter, "team-a", 10)).isZero();
    }

    @Test
    void limitsNothingAtRateZeroOrWhenDisabled() {
        RequestRateLimiter exempt = limiter(1, 1, Map.of("platform", new TeamSettings.RateLimit(0.0, null)));
        RequestRateLimiter unlimited = limiter(0, 1, Map.of());
        RequestRateLimiter disabled =
                new RequestRateLimiter(new RateLimitProperties(false, 1, 1), teams(Map.of()), clock);

        assertThat(admitted(exempt, "platform", 1000)).isEqualTo(1000);
        assertThat(admitted(exempt, "team-a", 1000)).isEqualTo(1);
        assertThat(admitted(unlimited, "team-a", 1000)).isEqualTo(1000);
        assertThat(admitted(disabled, "team-a", 1000)).isEqualTo(1000);
    }

    @Test
    void refillsNothingForTheTimeAClockWasSetBack() {
        RequestRateLimiter limiter = limiter(1, 1, Map.of());
        Instant start = clock.instant();
        limiter.take("team-a");

        clock.set(start.minus(Duration.ofHours(1)));
        assertThat(refusal(limiter, "team-a")).isPresent();
        clock.set(start.plusMillis(999));

        assertThat(refusal(limiter, "team-a")).isPresent();
        clock.set(start.plusSeconds(1));
        assertThat(refusal(limiter, "team-a")).isEmpty();
    }
}
