package com.rdsmigration.gateway.guided;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Guided migrations per status and the time cutovers spent held per blocker, as the driver counts them; and a create
 * sent twice with one Idempotency-Key makes one guided migration and one precheck.
 */
@IntegrationTest
class GuidedMigrationMetricsTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    GuidedMigrationDriver driver;

    @Autowired
    MeterRegistry meters;

    @Test
    void countsGuidedMigrationsPerStatusAndChargesHeldTimeToEachBlocker() {
        GatewayApi teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        GuidedMigrations guided = new GuidedMigrations(teamA, clock, driver);
        String id = guided.create("{\"requiredApprovals\":2}").path("id").asString();
        guided.driveUntil(id, "AWAITING_CUTOVER", 10);
        double before = blocked("APPROVAL_PENDING");

        for (int round = 0; round < 3; round++) {
            clock.advance(GuidedMigrations.ROUND);
            driver.driveAll();
        }

        assertThat(blocked("APPROVAL_PENDING") - before)
                .as("three rounds of 11 s, the first of which starts the count")
                .isGreaterThanOrEqualTo(2 * GuidedMigrations.ROUND.toSeconds());
        assertThat(meters.get("gateway.guided.migrations")
                        .tag("status", "AWAITING_CUTOVER")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCreateSentTwiceWithOneIdempotencyKeyMakesOneGuidedMigration() {
        GatewayApi teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        String body = GuidedMigrations.body(GatewayApi.newInstance("pgm", "team-a"), "");
        long prechecks = teamA.upstreamCalls("CreateCloudMigrationPrecheckTask");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = teamA.post("/api/v1/guided-migrations", body, key);
        HttpResponse<String> again = teamA.post("/api/v1/guided-migrations", body, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(GatewayApi.json(again).path("id").asString())
                .isEqualTo(GatewayApi.json(first).path("id").asString());
        assertThat(teamA.upstreamCalls("CreateCloudMigrationPrecheckTask")).isEqualTo(prechecks + 1);
    }

    private double blocked(String blocker) {
        return meters.get("gateway.guided.cutover.blocked")
                .tag("blocker", blocker)
                .counter()
                .count();
    }
}
