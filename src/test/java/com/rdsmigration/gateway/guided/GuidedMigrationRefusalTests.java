package com.rdsmigration.gateway.guided;

import static com.rdsmigration.gateway.guided.GuidedMigrations.statuses;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What a guided migration refuses: another team's caller (404, whatever it asks), an instance the team does not own
 * (403, nothing kept), a cutover before AWAITING_CUTOVER (409), bad gates (400); and a failed precheck, which stops it
 * until a retry.
 */
@IntegrationTest
class GuidedMigrationRefusalTests {

    static final String PRECHECK = "CreateCloudMigrationPrecheckTask";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    GuidedMigrationDriver driver;

    @Autowired
    JdbcClient jdbc;

    GatewayApi teamA;
    GatewayApi teamB;
    GuidedMigrations guided;

    @BeforeEach
    void setUp() {
        teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        teamB = teamA.as(GatewayApi.TEAM_B);
        guided = new GuidedMigrations(teamA, clock, driver);
    }

    @Test
    void anotherTeamsCallerGetsNotFoundForEverythingAndChangesNothing() {
        String id = guided.create("").path("id").asString();
        String path = "/api/v1/guided-migrations/" + id;

        assertThat(teamB.get(path).statusCode()).isEqualTo(404);
        for (String action : new String[] {"/approvals", "/cutover", "/cancel", "/retry"}) {
            HttpResponse<String> refused = teamB.post(path + action, "{\"comment\":\"not mine\"}");
            assertThat(refused.statusCode()).as(action + " " + refused.body()).isEqualTo(404);
            assertThat(refused.body()).doesNotContain("team-a");
        }
        assertThat(teamB.get("/api/v1/guided-migrations").body()).doesNotContain(id);
        JsonNode unchanged = guided.get(id);
        assertThat(unchanged.path("approvals")).isEmpty();
        assertThat(unchanged.path("status").asString()).isEqualTo("PRECHECKING");
        assertThat(teamA.as(GatewayApi.ADMIN).get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void anInstanceOfAnotherTeamIsRefusedBeforeAnythingIsKeptOrSent() {
        long rows = rows();
        // Ownership may read the instance's resource group (DescribeDBInstanceAttribute); nothing is created.
        long creates = teamA.upstreamCalls(PRECHECK);

        HttpResponse<String> refused = teamA.post(
                "/api/v1/guided-migrations", GuidedMigrations.body(GatewayApi.newInstance("pgm", "team-b"), ""));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(json(refused).path("type").asString()).endsWith(":instance-not-owned");
        assertThat(rows()).isEqualTo(rows);
        assertThat(teamA.upstreamCalls(PRECHECK)).isEqualTo(creates);
    }

    @Test
    void anUpstreamRefusalOfThePrecheckAnswersAtOnceAndKeepsNothing() {
        long rows = rows();
        String stopped = GatewayApi.newInstance("pgm", "team-a");
        teamA.putInstance(stopped, "{\"status\":\"Stopped\"}");

        HttpResponse<String> refused = teamA.post("/api/v1/guided-migrations", GuidedMigrations.body(stopped, ""));

        assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 599);
        assertThat(json(refused).path("upstreamCode").asString()).isEqualTo("IncorrectDBInstanceState");
        assertThat(rows()).isEqualTo(rows);
        assertThat(teamA.as(GatewayApi.ADMIN)
                        .get("/api/v1/cloud-migration-prechecks?instance=" + stopped)
                        .body())
                .as("the precheck's intent was dropped too")
                .contains("\"totalItems\":0");
    }

    @Test
    void badGatesAnswerBadRequestNamingTheField() {
        String target = GatewayApi.newInstance("pgm", "team-a");
        String[][] cases = {
            {"{\"requiredApprovals\":6}", "cutover.requiredApprovals"},
            {"{\"maxReplayLagSeconds\":-1}", "cutover.maxReplayLagSeconds"},
            {
                "{\"window\":{\"zone\":\"Mars/Olympus\",\"days\":[\"MONDAY\"],\"start\":\"23:00\",\"end\":\"02:00\"}}",
                "cutover.window.zone"
            },
            {
                "{\"window\":{\"zone\":\"Asia/Shanghai\",\"days\":[\"MONDAY\"],\"start\":\"23:00\",\"end\":\"23:00\"}}",
                "cutover.window.end"
            },
            {
                "{\"window\":{\"zone\":\"Asia/Shanghai\",\"days\":[],\"start\":\"23:00\",\"end\":\"02:00\"}}",
                "cutover.window.days"
            },
            {
                "{\"window\":{\"zone\":\"Asia/Shanghai\",\"days\":[\"MONDAY\"],\"start\":\"25:00\",\"end\":\"02:00\"}}",
                "cutover.window.start"
            }
        };
        long rows = rows();
        for (String[] bad : cases) {
            HttpResponse<String> refused =
                    teamA.post("/api/v1/guided-migrations", GuidedMigrations.body(target, bad[0]));
            assertThat(refused.statusCode()).as(bad[0] + " " + refused.body()).isEqualTo(400);
            assertThat(json(refused).path("errors").findValuesAsString("field")).contains(bad[1]);
        }
        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    void aCutoverWhileMigratingAnswersConflict() {
        String id = guided.create("{\"requiredApprovals\":0}").path("id").asString();
        guided.driveUntil(id, "MIGRATING", 3);

        HttpResponse<String> early = teamA.post("/api/v1/guided-migrations/" + id + "/cutover", "{}");

        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(json(early).path("detail").asString()).contains("is MIGRATING");
        HttpResponse<String> approval =
                teamA.as(GatewayApi.TEAM_A_REVIEWER).post("/api/v1/guided-migrations/" + id + "/approvals", "{}");
        assertThat(approval.statusCode()).as(approval.body()).isEqualTo(400);
    }

    @Test
    void aFailedPrecheckStopsItUntilARetryMakesANewOne() {
        String body = GuidedMigrations.body(GatewayApi.newInstance("pgm", "team-a"), "")
                .replace("172.16.0.10", "192.0.2.10");
        HttpResponse<String> created = teamA.post("/api/v1/guided-migrations", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();
        String firstPrecheck = json(created).path("precheckId").asString();

        JsonNode failed = guided.driveUntil(id, "PRECHECK_FAILED", 3);
        JsonNode history = failed.path("history");
        assertThat(history.get(history.size() - 1).path("reason").asString()).contains("the precheck failed");
        clock.advance(GuidedMigrations.ROUND);
        driver.driveAll();
        assertThat(guided.get(id).path("status").asString()).isEqualTo("PRECHECK_FAILED");

        HttpResponse<String> retried = teamA.post("/api/v1/guided-migrations/" + id + "/retry", "");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(json(retried).path("status").asString()).isEqualTo("PRECHECKING");
        assertThat(json(retried).path("precheckId").asString()).isNotEqualTo(firstPrecheck);
        assertThat(teamA.get("/api/v1/cloud-migration-prechecks/" + firstPrecheck)
                        .statusCode())
                .isEqualTo(200);

        JsonNode again = guided.driveUntil(id, "PRECHECK_FAILED", 3);
        assertThat(statuses(again))
                .containsExactly(
                        "PENDING", "PRECHECKING", "PRECHECK_FAILED", "PENDING", "PRECHECKING", "PRECHECK_FAILED");
        HttpResponse<String> notFailed = teamA.post("/api/v1/guided-migrations/" + id + "/cutover", "{}");
        assertThat(notFailed.statusCode()).isEqualTo(409);
    }

    private long rows() {
        return jdbc.sql("select count(*) from guided_migration")
                .query(Long.class)
                .single();
    }
}
