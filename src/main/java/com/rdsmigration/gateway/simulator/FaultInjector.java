package com.rdsmigration.gateway.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Applies the current {@link FaultSettings}. Before an action: throttling ({@code Throttling.User} past
 * {@code throttleQps} calls in one clock second), then the injected error; both leave the action undone. After an
 * action has taken effect: how long to hold its answer back ({@code latencyMs}, plus the timeout hold for the calls
 * {@code timeoutRate} picks). Rates pick calls exactly ({@link DeterministicRate}); replacing the settings restarts
 * every count.
 */
final class FaultInjector {

    private final Clock clock;
    private final Duration defaultTimeoutHold;
    private volatile Active active = new Active(FaultSettings.NONE);

    FaultInjector(Clock clock, Duration defaultTimeoutHold) {
        this.clock = clock;
        this.defaultTimeoutHold = defaultTimeoutHold;
    }

    FaultSettings settings() {
        return active.settings;
    }

    /** New settings; answers held back under the old ones are let go at once. */
    void replace(FaultSettings settings) {
        Active previous = active;
        active = new Active(settings);
        previous.released.countDown();
    }

    /** Counted down when the faults now in force are replaced or cleared. */
    CountDownLatch releaseSignal() {
        return active.released;
    }

    /** Holds an answer back for {@code hold}, or until {@code release} (the faults it was held under) is signalled. */
    static void hold(Duration hold, CountDownLatch release) {
        if (hold.isZero()) {
            return;
        }
        try {
            release.await(hold.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void reset() {
        replace(FaultSettings.NONE);
    }

    /** Throws the throttling or injected error this call gets, if any. */
    void beforeAction(@Nullable String action) {
        Active current = active;
        FaultSettings settings = current.settings;
        if (!settings.appliesTo(action)) {
            return;
        }
        if (settings.throttleQps() > 0 && current.overQuota(clock.instant().getEpochSecond(), settings.throttleQps())) {
            throw new RdsError(400, "Throttling.User", "Request was denied due to user flow control.");
        }
        if (current.errors.next()) {
            throw new RdsError(settings.httpStatus(), settings.errorCode(), message(settings.errorCode()));
        }
    }

    /** How long to hold back the answer of a call whose action has taken effect. */
    Duration holdAfterAction(@Nullable String action) {
        Active current = active;
        FaultSettings settings = current.settings;
        if (!settings.appliesTo(action)) {
            return Duration.ZERO;
        }
        Duration hold = Duration.ofMillis(settings.latencyMs());
        if (current.timeouts.next()) {
            Long holdMs = settings.timeoutHoldMs();
            hold = hold.plus(holdMs != null ? Duration.ofMillis(holdMs) : defaultTimeoutHold);
        }
        return hold;
    }

    private static String message(String code) {
        return switch (code) {
            case "ServiceUnavailable" -> "The request has failed due to a temporary failure of the server.";
            case "InternalError" ->
                "The request processing has failed due to some unknown error, exception or failure.";
            default -> "The RDS simulator injected this error.";
        };
    }

    /** Settings with their own counters, replaced as a whole. */
    private static final class Active {

        final FaultSettings settings;
        final CountDownLatch released = new CountDownLatch(1);
        final DeterministicRate errors;
        final DeterministicRate timeouts;
        private long second = Long.MIN_VALUE;
        private long callsInSecond;

        Active(FaultSettings settings) {
            this.settings = settings;
            this.errors = new DeterministicRate(settings.errorRate());
            this.timeouts = new DeterministicRate(settings.timeoutRate());
        }

        synchronized boolean overQuota(long epochSecond, int quota) {
            if (epochSecond != second) {
                second = epochSecond;
                callsInSecond = 0;
            }
            return ++callsInSecond > quota;
        }
    }
}
