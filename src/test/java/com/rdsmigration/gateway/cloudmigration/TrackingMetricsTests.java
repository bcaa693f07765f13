package com.rdsmigration.gateway.cloudmigration;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import java.util.function.DoubleSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Dashboards see how the tracked tasks stand: active tasks per stage, the age of the least recently read one, and the
 * tracker's upstream calls as a counter (its rate is reads per minute), on the Prometheus endpoint.
 */
@IntegrationTest
class TrackingMetricsTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ReadRecorder recorder;

    @Autowired
    MeterRegistry meters;

    @Test
    void countsActiveTasksPerStageAndShowsHowStaleTheStalestIs() {
        double unread = tasks("none");
        double increment = tasks("increment");
        UUID id = UUID.fromString(new CoalescedReadsTests.Creator(port, clock).migration());
        await(() -> tasks("none"), value -> value == unread + 1);

        clock.advance(Duration.ofSeconds(100));
        await(() -> meters.get("gateway.tracking.stalest.age").timeGauge().value(TimeUnit.SECONDS), age -> age >= 100);

        recorder.synced(id, new UpstreamState("increment", "streaming", null, null, null), clock.instant());
        await(() -> tasks("increment"), value -> value == increment + 1);
        await(() -> tasks("none"), value -> value == unread);
    }

    @Test
    void publishesTheTrackerMetricsForPrometheus() {
        String scrape = new HttpTestClient(port)
                .send(new HttpTestClient(port)
                        .request("/actuator/prometheus")
                        .header("X-API-Key", GatewayApi.ADMIN)
                        .GET()
                        .build())
                .body();

        assertThat(scrape)
                .contains("gateway_tracking_upstream_reads_total{kind=\"migration\"}")
                .contains("gateway_tracking_tasks{kind=\"migration\",stage=\"increment\"}")
                .contains("gateway_tracking_stalest_age_seconds")
                .contains("gateway_tracking_replication_degraded")
                .contains("gateway_tracking_leader 0.0");
    }

    double tasks(String stage) {
        return meters.get("gateway.tracking.tasks")
                .tag("kind", "migration")
                .tag("stage", stage)
                .gauge()
                .value();
    }

    /** The gauges read the store at most once a second. */
    static void await(DoubleSupplier value, DoublePredicate expected) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> expected.test(value.getAsDouble()));
    }
}
