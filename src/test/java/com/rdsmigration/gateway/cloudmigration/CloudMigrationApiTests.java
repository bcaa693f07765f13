package com.rdsmigration.gateway.cloudmigration;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Prechecks, migrations and switchover end to end: REST over real HTTP, PostgreSQL, the simulator upstream. */
@IntegrationTest
class CloudMigrationApiTests {

    /** Past both the simulator's stage duration (5 s) and the gateway's staleness limit (10 s). */
    static final Duration NEXT_READ = Duration.ofSeconds(11);

    static final String PASSWORD = "Sup3r-secret!";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    GatewayApi teamA;

    @BeforeEach
    void setUp() {
        teamA = new GatewayApi(port, GatewayApi.TEAM_A);
    }

    static String instance() {
        return GatewayApi.newInstance("pgm", "team-a");
    }

    static String body(String target, String host, String extra) {
        return "{\"targetInstanceId\":\"" + target + "\",\"source\":{\"host\":\"" + host
                + "\",\"port\":5432,\"account\":\"migratetest\",\"password\":\"" + PASSWORD
                + "\",\"category\":\"ecsOnVpc\"}" + extra + "}";
    }

    JsonNode passedPrecheck(String target) {
        HttpResponse<String> created = teamA.post("/api/v1/cloud-migration-prechecks", body(target, "172.16.0.10", ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        clock.advance(NEXT_READ);
        return json(teamA.get(
                "/api/v1/cloud-migration-prechecks/" + json(created).path("id").asString()));
    }

    @Test
    void aPrecheckRunsThenPassesWithEveryCheckListed() {
        String target = instance();
        HttpResponse<String> created = teamA.post(
                "/api/v1/cloud-migration-prechecks", body(target, "172.16.0.10", ",\"taskName\":\"orders-precheck\""));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode precheck = json(created);
        assertThat(precheck.path("status").asString()).isEqualTo("RUNNING");
        assertThat(precheck.path("taskName").asString()).isEqualTo("orders-precheck");
        assertThat(precheck.path("taskId").asLong()).isPositive();
        assertThat(precheck.path("source").path("host").asString()).isEqualTo("172.16.0.10");
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContain("password");

        clock.advance(NEXT_READ);
        HttpResponse<String> read = teamA.get(
                "/api/v1/cloud-migration-prechecks/" + precheck.path("id").asString());
        JsonNode passed = json(read);
        assertThat(passed.path("status").asString()).isEqualTo("PASSED");
        assertThat(passed.path("checks").size()).isGreaterThan(5);
        assertThat(passed.path("checks").get(0).path("group").asString()).isNotBlank();
        assertThat(passed.path("detail").asString()).contains("*Migrate check success*");
        assertThat(passed.path("syncedAt").isNull()).isFalse();
        assertThat(read.body()).doesNotContain(PASSWORD);
    }

    @Test
    void aPrecheckOfAnUnreachableSourceFailsNamingTheFailedChecks() {
        JsonNode created = json(teamA.post("/api/v1/cloud-migration-prechecks", body(instance(), "192.0.2.15", "")));
        clock.advance(NEXT_READ);

        JsonNode failed = json(teamA.get(
                "/api/v1/cloud-migration-prechecks/" + created.path("id").asString()));

        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("checks").findValuesAsString("result")).anyMatch(result -> result.startsWith("failed"));
        assertThat(failed.path("checks").findValuesAsString("item")).contains("Check ip connectable");
    }

    @Test
    void migratesFromPrecheckToSuccessThroughASwitchover() {
        String target = instance();
        JsonNode precheck = passedPrecheck(target);
        long activationsBefore = teamA.upstreamCalls("ActivateMigrationTargetInstance");

        HttpResponse<String> created = teamA.post(
                "/api/v1/cloud-migrations",
                body(
                        target,
                        "172.16.0.10",
                        ",\"precheckId\":\"" + precheck.path("id").asString() + "\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/cloud-migrations/" + id);

        HttpResponse<String> early = teamA.post("/api/v1/cloud-migrations/" + id + "/switchover", "");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json(early).path("stage").asString()).isEqualTo("precheck");
        assertThat(teamA.upstreamCalls("ActivateMigrationTargetInstance")).isEqualTo(activationsBefore);

        clock.advance(Duration.ofSeconds(15));
        JsonNode increment = json(teamA.get("/api/v1/cloud-migrations/" + id));
        assertThat(increment.path("stage").asString()).isEqualTo("increment");
        assertThat(increment.path("status").asString()).isEqualTo("RUNNING");
        assertThat(increment.path("replicationState").asString()).isEqualTo("streaming");
        assertThat(increment.path("replicationInfo").isObject()).isTrue();
        assertThat(increment.path("stageHistory").findValuesAsString("stage")).containsExactly("precheck", "increment");

        HttpResponse<String> switched = teamA.post("/api/v1/cloud-migrations/" + id + "/switchover", "");
        assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
        assertThat(json(switched).path("status").asString()).isEqualTo("SWITCHING");
        assertThat(teamA.upstreamCalls("ActivateMigrationTargetInstance")).isEqualTo(activationsBefore + 1);
        assertThat(teamA.post("/api/v1/cloud-migrations/" + id + "/switchover", "")
                        .statusCode())
                .as("a second switchover")
                .isEqualTo(409);
        assertThat(teamA.upstreamCalls("ActivateMigrationTargetInstance")).isEqualTo(activationsBefore + 1);
        HttpResponse<String> busy =
                teamA.as(GatewayApi.ADMIN).post("/api/v1/cloud-migrations", body(target, "172.16.0.11", ""));
        assertThat(busy.statusCode())
                .as("another migration onto an instance that is being migrated, even by an admin")
                .isEqualTo(409);
        assertThat(json(busy).path("detail").asString())
                .as("the conflict says the instance is busy, never whose migration it is")
                .contains("is busy")
                .doesNotContain(id)
                .doesNotContain("team-a");

        clock.advance(NEXT_READ);
        JsonNode done = json(teamA.get("/api/v1/cloud-migrations/" + id));
        assertThat(done.path("stage").asString()).isEqualTo("success");
        assertThat(done.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("switchTime").asString()).isNotBlank();
        assertThat(done.path("stageHistory").findValuesAsString("stage")).endsWith("success");
    }

    @Test
    void aMigrationWithoutAPassedPrecheckIsRefused() {
        String target = instance();
        HttpResponse<String> refused = teamA.post("/api/v1/cloud-migrations", body(target, "172.16.0.10", ""));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("upstreamCode").asString()).isEqualTo("OperationDenied.PrecheckNotPassed");
        assertThat(json(teamA.get("/api/v1/cloud-migrations?instance=" + target))
                        .path("totalItems")
                        .asLong())
                .isZero();
    }

    @Test
    void anotherTeamCannotReadOrSwitchOverAMigration() {
        String target = instance();
        passedPrecheck(target);
        String id = json(teamA.post("/api/v1/cloud-migrations", body(target, "172.16.0.10", "")))
                .path("id")
                .asString();
        GatewayApi teamB = teamA.as(GatewayApi.TEAM_B);
        long describesBefore = teamA.upstreamCalls("DescribeCloudMigrationResult");

        assertThat(teamB.get("/api/v1/cloud-migrations/" + id).statusCode()).isEqualTo(404);
        assertThat(teamB.post("/api/v1/cloud-migrations/" + id + "/switchover", "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(teamA.upstreamCalls("DescribeCloudMigrationResult")).isEqualTo(describesBefore);
        assertThat(teamA.as(GatewayApi.ADMIN)
                        .get("/api/v1/cloud-migrations/" + id)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void twoHundredReadsOfAMigrationRideOutThirtyPercentTransientUpstreamErrors() {
        String target = instance();
        String precheckId = passedPrecheck(target).path("id").asString();
        String id = json(teamA.post(
                        "/api/v1/cloud-migrations",
                        body(target, "172.16.0.10", ",\"precheckId\":\"" + precheckId + "\"")))
                .path("id")
                .asString();
        long failedBefore = teamA.answered("DescribeCloudMigrationResult", "ServiceUnavailable");
        teamA.putFaults("{\"errorRate\": 0.3, \"errorCode\": \"ServiceUnavailable\", \"httpStatus\": 503,"
                + " \"actions\": [\"DescribeCloudMigrationResult\"]}");
        try {
            String lastSync = "";
            for (int i = 0; i < 200; i++) {
                clock.advance(NEXT_READ); // older than the staleness window: every GET reads upstream
                HttpResponse<String> read = teamA.get("/api/v1/cloud-migrations/" + id);
                assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
                String synced = json(read).path("syncedAt").asString();
                assertThat(synced)
                        .as("read %d came fresh from upstream, not from the store", i)
                        .isNotEqualTo(lastSync);
                lastSync = synced;
            }
        } finally {
            teamA.putFaults("{}");
        }
        assertThat(teamA.answered("DescribeCloudMigrationResult", "ServiceUnavailable") - failedBefore)
                .as("attempts the upstream failed, and the gateway retried")
                .isGreaterThanOrEqualTo(50);
    }

    @Test
    void aCreateWhoseAnswerIsLostAfterTheUpstreamAcceptedItMakesExactlyOneTask() {
        String target = instance();
        teamA.putFaults("{\"timeoutRate\": 1.0, \"timeoutHoldMs\": 1500,"
                + " \"actions\": [\"CreateCloudMigrationPrecheckTask\"]}");
        long createsBefore = teamA.upstreamCalls("CreateCloudMigrationPrecheckTask");
        HttpResponse<String> created;
        try {
            created = teamA.post("/api/v1/cloud-migration-prechecks", body(target, "172.16.0.10", ""));
        } finally {
            teamA.putFaults("{}");
        }

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode precheck = json(created);
        assertThat(precheck.path("taskId").asLong()).isPositive();
        assertThat(precheck.path("status").asString()).isEqualTo("RUNNING");
        assertThat(teamA.upstreamCalls("CreateCloudMigrationPrecheckTask") - createsBefore)
                .isEqualTo(1);
        JsonNode listed = json(teamA.get("/api/v1/cloud-migration-prechecks?instance=" + target));
        assertThat(listed.path("totalItems").asLong()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("taskId").asLong())
                .isEqualTo(precheck.path("taskId").asLong());
    }
}
