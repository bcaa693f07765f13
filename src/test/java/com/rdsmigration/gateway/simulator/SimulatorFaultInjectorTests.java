package com.rdsmigration.gateway.simulator;

import static com.rdsmigration.gateway.simulator.SimulatorSignatureVerificationTests.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.support.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which calls the faults throttle, fail or hold back, and for how long. */
class SimulatorFaultInjectorTests {

    final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00.200Z"));
    final FaultInjector faults = new FaultInjector(clock, Duration.ofSeconds(35));

    static FaultSettings settings(
            String errorRate,
            String errorCode,
            Integer status,
            Long latency,
            String timeoutRate,
            Integer qps,
            List<String> actions,
            Long holdMs) {
        return new FaultSettings(
                errorRate == null ? null : new BigDecimal(errorRate),
                errorCode,
                status,
                latency,
                timeoutRate == null ? null : new BigDecimal(timeoutRate),
                qps,
                actions,
                holdMs);
    }

    @Test
    void startsWithoutFaultsAndTheDefaultErrorAnswer() {
        assertThat(faults.settings().errorCode()).isEqualTo("ServiceUnavailable");
        assertThat(faults.settings().httpStatus()).isEqualTo(503);
        assertThat(faults.holdAfterAction("CancelImport")).isZero();
        faults.beforeAction("CancelImport");
    }

    @Test
    void holdsAnswersForTheLatencyAndTheTimeoutHold() {
        faults.replace(settings(null, null, null, 20L, "1", null, null, 50L));
        assertThat(faults.holdAfterAction("CancelImport")).isEqualTo(Duration.ofMillis(70));

        faults.replace(settings(null, null, null, null, "0.5", null, null, null));
        assertThat(faults.holdAfterAction("CancelImport")).isZero();
        assertThat(faults.holdAfterAction("CancelImport")).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void clearingTheFaultsLetsAHeldAnswerGo() throws Exception {
        CountDownLatch release = faults.releaseSignal();
        var held = CompletableFuture.runAsync(() -> FaultInjector.hold(Duration.ofMinutes(10), release));
        assertThat(held).isNotDone();

        faults.reset();

        held.get(30, TimeUnit.SECONDS);
        assertThat(held).isCompleted();
    }

    @Test
    void appliesOnlyToTheListedActions() {
        faults.replace(settings("1", null, null, 10L, null, 1, List.of("CancelImport"), null));

        faults.beforeAction("DescribeCloudMigrationResult");
        assertThat(faults.holdAfterAction("DescribeCloudMigrationResult")).isZero();
        assertThat(faults.holdAfterAction(null)).isZero();
        assertCode(() -> faults.beforeAction("CancelImport"), "ServiceUnavailable");
    }

    @Test
    void throttlesPerClockSecondAndRestartsCountingWhenReplaced() {
        faults.replace(settings(null, null, null, null, null, 2, null, null));
        faults.beforeAction("CancelImport");
        faults.beforeAction("CancelImport");
        assertCode(() -> faults.beforeAction("CancelImport"), "Throttling.User");

        clock.advance(Duration.ofMillis(800));
        faults.beforeAction("CancelImport");

        faults.replace(settings(null, null, null, null, null, 2, null, null));
        faults.beforeAction("CancelImport");
        faults.beforeAction("CancelImport");
        assertCode(() -> faults.beforeAction("CancelImport"), "Throttling.User");
    }

    @Test
    void answersTheConfiguredCodeWithAFittingMessage() {
        faults.replace(settings("1", "InternalError", 500, null, null, null, null, null));
        assertThatThrownBy(() -> faults.beforeAction("CancelImport"))
                .isInstanceOfSatisfying(
                        RdsError.class, e -> assertThat(e.httpStatus()).isEqualTo(500))
                .hasMessageContaining("unknown error");

        faults.replace(settings("1", "Throttling", 400, null, null, null, null, null));
        assertThatThrownBy(() -> faults.beforeAction("CancelImport")).hasMessageContaining("injected");

        faults.reset();
        faults.beforeAction("CancelImport");
    }
}
