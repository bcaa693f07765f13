package com.rdsmigration.gateway.guided;

import static com.rdsmigration.gateway.guided.GuidedMigrations.blockers;
import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The replication gates, driven through the simulator's control API: a lag above the maximum holds the cutover until
 * it drops, a disconnected link shows as a blocker, and {@code acceptLag} lets an approved cutover through anyway.
 */
@IntegrationTest
class GuidedMigrationGateTests {

    static final String ACTIVATE = "ActivateMigrationTargetInstance";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    GuidedMigrationDriver driver;

    GatewayApi creator;
    GuidedMigrations guided;

    @BeforeEach
    void setUp() {
        creator = new GatewayApi(port, GatewayApi.TEAM_A);
        guided = new GuidedMigrations(creator, clock, driver);
    }

    @Test
    void aLagAboveTheMaximumHoldsTheCutoverUntilItDrops() {
        JsonNode created = guided.create("{\"requiredApprovals\":0,\"maxReplayLagSeconds\":5}");
        String id = created.path("id").asString();
        String instance = created.path("targetInstanceId").asString();
        creator.putInstance(instance, "{\"replicationState\":\"streaming\",\"replayLagSeconds\":120}");
        long activatesBefore = creator.upstreamCalls(ACTIVATE);

        JsonNode held = guided.driveUntil(id, "AWAITING_CUTOVER", 10);
        clock.advance(GuidedMigrations.ROUND);
        driver.driveAll();
        held = guided.get(id);
        assertThat(held.path("status").asString()).isEqualTo("AWAITING_CUTOVER");
        assertThat(blockers(held)).containsExactly("LAG_TOO_HIGH");
        assertThat(held.path("replayLagSeconds").asLong()).isEqualTo(120);
        assertThat(held.path("blockers").get(0).path("detail").asString())
                .contains("120 s")
                .contains("5 s");
        assertThat(creator.upstreamCalls(ACTIVATE)).isEqualTo(activatesBefore);

        creator.putInstance(instance, "{\"replayLagSeconds\":3}");
        JsonNode started = guided.driveUntil(id, "SWITCHING", 2);
        assertThat(started.path("replayLagSeconds").asLong()).isEqualTo(3);
        assertThat(creator.upstreamCalls(ACTIVATE)).isEqualTo(activatesBefore + 1);
        guided.driveUntil(id, "SUCCEEDED", 3);
    }

    @Test
    void aDisconnectedReplicationShowsAsABlocker() {
        JsonNode created = guided.create("{\"requiredApprovals\":0}");
        String id = created.path("id").asString();
        String instance = created.path("targetInstanceId").asString();
        creator.putInstance(instance, "{\"replicationState\":\"disconnect\",\"replayLagSeconds\":0}");

        guided.driveUntil(id, "AWAITING_CUTOVER", 10);
        clock.advance(GuidedMigrations.ROUND);
        driver.driveAll();
        JsonNode held = guided.get(id);

        assertThat(held.path("status").asString()).isEqualTo("AWAITING_CUTOVER");
        assertThat(blockers(held)).containsExactly("REPLICATION_NOT_STREAMING");
        assertThat(held.path("replicationState").asString()).isEqualTo("disconnect");

        HttpResponse<String> cancelled = creator.post("/api/v1/guided-migrations/" + id + "/cancel", "");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(json(cancelled).path("blockers")).isEmpty();
    }

    @Test
    void acceptLagLetsAnApprovedCutoverThroughWhileTheLagIsHigh() {
        JsonNode created = guided.create("{\"requiredApprovals\":1,\"maxReplayLagSeconds\":0}");
        String id = created.path("id").asString();
        String instance = created.path("targetInstanceId").asString();
        creator.putInstance(instance, "{\"replicationState\":\"streaming\",\"replayLagSeconds\":45}");
        guided.driveUntil(id, "AWAITING_CUTOVER", 10);
        String cutover = "/api/v1/guided-migrations/" + id + "/cutover";

        HttpResponse<String> unapproved = creator.post(cutover, "{\"acceptLag\":true}");
        assertThat(unapproved.statusCode()).as(unapproved.body()).isEqualTo(409);
        assertThat(unapproved.body()).contains("APPROVAL_PENDING");

        HttpResponse<String> approved = creator.as(GatewayApi.TEAM_A_REVIEWER)
                .post("/api/v1/guided-migrations/" + id + "/approvals", "{\"comment\":\"lag is known, go\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
        assertThat(blockers(json(approved))).containsExactly("LAG_TOO_HIGH");

        HttpResponse<String> lagging = creator.post(cutover, "{}");
        assertThat(lagging.statusCode()).as(lagging.body()).isEqualTo(409);
        assertThat(lagging.body()).contains("LAG_TOO_HIGH");

        long activatesBefore = creator.upstreamCalls(ACTIVATE);
        HttpResponse<String> started = creator.post(cutover, "{\"acceptLag\":true}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(json(started).path("status").asString()).isEqualTo("SWITCHING");
        assertThat(creator.upstreamCalls(ACTIVATE)).isEqualTo(activatesBefore + 1);
        JsonNode history = json(started).path("history");
        assertThat(history.get(history.size() - 1).path("reason").asString())
                .contains("cutover started by demo key of team-a, lag accepted");

        HttpResponse<String> tooLate = creator.post("/api/v1/guided-migrations/" + id + "/cancel", "");
        assertThat(tooLate.statusCode()).as(tooLate.body()).isEqualTo(409);
        guided.driveUntil(id, "SUCCEEDED", 3);
        assertThat(creator.upstreamCalls(ACTIVATE)).isEqualTo(activatesBefore + 1);
    }

    @Test
    void aCutoverTheUpstreamRefusesEndsFailedWithTheReason() {
        JsonNode created = guided.create("{\"requiredApprovals\":0}");
        String id = created.path("id").asString();
        guided.driveUntil(id, "MIGRATING", 3);
        creator.putFaults("{\"errorRate\": 1.0, \"errorCode\": \"IncorrectDBInstanceState\", \"httpStatus\": 403,"
                + " \"actions\": [\"" + ACTIVATE + "\"]}");
        try {
            JsonNode failed = guided.driveUntil(id, "FAILED", 10);
            JsonNode history = failed.path("history");
            assertThat(history.get(history.size() - 2).path("status").asString())
                    .isEqualTo("SWITCHING");
            assertThat(history.get(history.size() - 1).path("reason").asString())
                    .contains("the upstream refused the cutover")
                    .contains("IncorrectDBInstanceState");
            assertThat(failed.path("blockers")).isEmpty();
        } finally {
            creator.putFaults("{}");
        }
        clock.advance(GuidedMigrations.ROUND);
        driver.driveAll();
        assertThat(guided.get(id).path("status").asString())
                .as("an ended one is no longer driven")
                .isEqualTo("FAILED");
    }
}
