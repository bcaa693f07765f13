package com.rdsmigration.gateway.ownership;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every instance a call names must be the caller's team's: team-b naming one of team-a's instances, as source or as
 * target of any creating call, is answered 403 before anything goes upstream or into the store, and leaves one audit
 * event {@code REFUSED} with team-b's identity. Switchover and cancel check again, so a team whose instance moved to
 * another resource group since the create can no longer act on it.
 */
@IntegrationTest
class InstanceOwnershipTests {

    static final String NOT_OWNED = "urn:rds-migration-gateway:problem:instance-not-owned";

    /** Past gateway.ownership.resource-group-ttl: the next request reads the group again. */
    static final Duration PAST_TTL = Duration.ofMinutes(6);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    GatewayApi teamA;
    GatewayApi teamB;
    GatewayApi admin;

    @BeforeEach
    void callers() {
        teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        teamB = teamA.as(GatewayApi.TEAM_B);
        admin = teamA.as(GatewayApi.ADMIN);
    }

    static String importBody(String source, String target) {
        return "{\"sourceInstanceId\":\"" + source + "\",\"targetInstanceId\":\"" + target
                + "\",\"databases\":[\"sales\"]}";
    }

    static String precheckBody(String target, String extra) {
        return "{\"targetInstanceId\":\"" + target + "\",\"source\":{\"host\":\"172.16.0.10\",\"port\":5432,"
                + "\"account\":\"migratetest\",\"password\":\"Pw-12345678\",\"category\":\"ecsOnVpc\"}" + extra + "}";
    }

    @Test
    void anImportFromAnotherTeamsInstanceIsRefusedBeforeAnythingIsSent() {
        String teamAs = GatewayApi.newInstance("rm", "team-a");

        assertRefused(
                () -> teamB.post("/api/v1/imports", importBody(teamAs, GatewayApi.newInstance("rm", "team-b"))),
                teamAs,
                "ImportDatabaseBetweenInstances",
                "/api/v1/imports?instance=" + teamAs);
    }

    @Test
    void anImportIntoAnotherTeamsInstanceIsRefusedBeforeAnythingIsSent() {
        String teamAs = GatewayApi.newInstance("rm", "team-a");

        assertRefused(
                () -> teamB.post("/api/v1/imports", importBody(GatewayApi.newInstance("rm", "team-b"), teamAs)),
                teamAs,
                "ImportDatabaseBetweenInstances",
                "/api/v1/imports?instance=" + teamAs);
    }

    @Test
    void aPrecheckOnAnotherTeamsInstanceIsRefusedBeforeAnythingIsSent() {
        String teamAs = GatewayApi.newInstance("pgm", "team-a");

        assertRefused(
                () -> teamB.post("/api/v1/cloud-migration-prechecks", precheckBody(teamAs, "")),
                teamAs,
                "CreateCloudMigrationPrecheckTask",
                "/api/v1/cloud-migration-prechecks?instance=" + teamAs);
    }

    @Test
    void aMigrationOntoAnotherTeamsInstanceIsRefusedBeforeAnythingIsSent() {
        String teamAs = GatewayApi.newInstance("pgm", "team-a");

        assertRefused(
                () -> teamB.post("/api/v1/cloud-migrations", precheckBody(teamAs, "")),
                teamAs,
                "CreateCloudMigrationTask",
                "/api/v1/cloud-migrations?instance=" + teamAs);
    }

    @Test
    void anAdminMayNameAnyInstance() {
        HttpResponse<String> created = admin.post(
                "/api/v1/imports",
                importBody(GatewayApi.newInstance("rm", "team-a"), GatewayApi.newInstance("rm", "team-b")));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void anInstanceOfTheTeamsResourceGroupIsItsOwnAndNoOtherTeams() {
        String grouped = inGroup("pgm", "rg-team-a");
        long reads = admin.upstreamCalls("DescribeDBInstanceAttribute");

        HttpResponse<String> created = teamA.post("/api/v1/cloud-migration-prechecks", precheckBody(grouped, ""));
        HttpResponse<String> again = teamA.post("/api/v1/cloud-migration-prechecks", precheckBody(grouped, ""));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(admin.upstreamCalls("DescribeDBInstanceAttribute"))
                .as("the group is read once, then cached")
                .isEqualTo(reads + 1);
        assertRefused(
                () -> teamB.post("/api/v1/cloud-migration-prechecks", precheckBody(grouped, "")),
                grouped,
                "CreateCloudMigrationPrecheckTask",
                null);
    }

    @Test
    void anInstanceOfAnotherGroupIsNotTheTeams() {
        String elsewhere = inGroup("pgm", "rg-finance");

        HttpResponse<String> refused = teamA.post("/api/v1/cloud-migration-prechecks", precheckBody(elsewhere, ""));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(json(refused).path("instanceId").asString()).isEqualTo(elsewhere);
    }

    @Test
    void aSwitchoverIsRefusedOnceTheInstanceHasLeftTheTeamsGroup() {
        String grouped = inGroup("pgm", "rg-team-a");
        HttpResponse<String> precheck = teamA.post("/api/v1/cloud-migration-prechecks", precheckBody(grouped, ""));
        assertThat(precheck.statusCode()).as(precheck.body()).isEqualTo(201);
        clock.advance(Duration.ofSeconds(11));
        assertThat(json(teamA.get("/api/v1/cloud-migration-prechecks/"
                                + json(precheck).path("id").asString()))
                        .path("status")
                        .asString())
                .isEqualTo("PASSED");
        HttpResponse<String> migration = teamA.post("/api/v1/cloud-migrations", precheckBody(grouped, ""));
        assertThat(migration.statusCode()).as(migration.body()).isEqualTo(201);
        String id = json(migration).path("id").asString();
        clock.advance(Duration.ofSeconds(15));
        assertThat(json(teamA.get("/api/v1/cloud-migrations/" + id))
                        .path("stage")
                        .asString())
                .isEqualTo("increment");

        admin.putInstance(grouped, "{\"resourceGroupId\":\"rg-finance\"}");
        clock.advance(PAST_TTL);
        long activations = admin.upstreamCalls("ActivateMigrationTargetInstance");
        long refusals = refusedEvents("ActivateMigrationTargetInstance", "team-a");

        HttpResponse<String> refused = teamA.post("/api/v1/cloud-migrations/" + id + "/switchover", "");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(json(refused).path("type").asString()).isEqualTo(NOT_OWNED);
        assertThat(admin.upstreamCalls("ActivateMigrationTargetInstance")).isEqualTo(activations);
        assertThat(refusedEvents("ActivateMigrationTargetInstance", "team-a")).isEqualTo(refusals + 1);
    }

    @Test
    void aCancelIsRefusedOnceTheInstanceHasLeftTheTeamsGroup() {
        String source = inGroup("rm", "rg-team-a");
        String target = inGroup("rm", "rg-team-a");
        HttpResponse<String> created = teamA.post("/api/v1/imports", importBody(source, target));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        admin.putInstance(target, "{\"resourceGroupId\":\"rg-finance\"}");
        clock.advance(PAST_TTL);
        long cancels = admin.upstreamCalls("CancelImport");

        HttpResponse<String> refused =
                teamA.post("/api/v1/imports/" + json(created).path("id").asString() + "/cancel", "");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(json(refused).path("instanceId").asString()).isEqualTo(target);
        assertThat(admin.upstreamCalls("CancelImport")).isEqualTo(cancels);
    }

    @Test
    void aGroupThatCannotBeReadRefusesWith503AndRetryAfterRatherThanGuess() {
        String grouped = inGroup("pgm", "rg-team-a");
        long creates = admin.upstreamCalls("CreateCloudMigrationPrecheckTask");
        admin.putFaults("{\"errorRate\":1.0,\"httpStatus\":503,\"errorCode\":\"ServiceUnavailable\","
                + "\"actions\":[\"DescribeDBInstanceAttribute\"]}");
        HttpResponse<String> refused;
        try {
            refused = teamA.post("/api/v1/cloud-migration-prechecks", precheckBody(grouped, ""));
        } finally {
            admin.putFaults("{}");
        }

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(json(refused).path("type").asString())
                .isEqualTo("urn:rds-migration-gateway:problem:ownership-unknown");
        assertThat(refused.headers().firstValueAsLong("Retry-After")).isPresent();
        assertThat(admin.upstreamCalls("CreateCloudMigrationPrecheckTask")).isEqualTo(creates);
        HttpResponse<String> later = teamA.post("/api/v1/cloud-migration-prechecks", precheckBody(grouped, ""));
        assertThat(later.statusCode()).as("a failed read is not kept").isEqualTo(201);
    }

    @Test
    void aConflictOnABusyInstanceNamesNoOneElsesTask() {
        String target = GatewayApi.newInstance("pgm", "team-a");
        HttpResponse<String> precheck = admin.post("/api/v1/cloud-migration-prechecks", precheckBody(target, ""));
        clock.advance(Duration.ofSeconds(11));
        admin.get(
                "/api/v1/cloud-migration-prechecks/" + json(precheck).path("id").asString());
        HttpResponse<String> adminsMigration = admin.post("/api/v1/cloud-migrations", precheckBody(target, ""));
        assertThat(adminsMigration.statusCode()).as(adminsMigration.body()).isEqualTo(201);

        HttpResponse<String> busy = teamA.post("/api/v1/cloud-migrations", precheckBody(target, ""));

        assertThat(busy.statusCode()).isEqualTo(409);
        JsonNode problem = json(busy);
        assertThat(problem.path("detail").asString()).contains("is busy");
        assertThat(busy.body())
                .doesNotContain(json(adminsMigration).path("id").asString())
                .doesNotContain(json(adminsMigration).path("taskName").asString())
                .doesNotContain(json(adminsMigration).path("taskId").asString())
                .doesNotContain("platform");
    }

    /** A fresh instance that the simulator puts in {@code group}, matching no team's id pattern. */
    String inGroup(String kind, String group) {
        String instance = GatewayApi.newInstance(kind, "grouped");
        admin.putInstance(instance, "{\"resourceGroupId\":\"" + group + "\"}");
        return instance;
    }

    long refusedEvents(String action, String team) {
        return json(admin.get("/api/v1/audit-events?outcome=REFUSED&size=200&team=" + team + "&action=" + action))
                .path("items")
                .size();
    }

    void assertRefused(Supplier<HttpResponse<String>> call, String instance, String action, String listOfInstance) {
        long calls = admin.upstreamCalls();
        long refusals = refusedEvents(action, "team-b");

        HttpResponse<String> refused = call.get();

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(refused);
        assertThat(problem.path("type").asString()).isEqualTo(NOT_OWNED);
        assertThat(problem.path("instanceId").asString()).isEqualTo(instance);
        assertThat(admin.upstreamCalls()).as("calls the simulator received").isEqualTo(calls);
        JsonNode events = json(admin.get("/api/v1/audit-events?outcome=REFUSED&size=200&team=team-b&action=" + action))
                .path("items");
        assertThat(events.size()).as("REFUSED events").isEqualTo(refusals + 1);
        // The test clock stands still: find this call's event by what it named, not by its place in the page.
        List<JsonNode> ours = new ArrayList<>();
        events.forEach(event -> {
            if (event.path("parameters").toString().contains(instance)) {
                ours.add(event);
            }
        });
        assertThat(ours).as("this refusal's event").hasSize(1);
        JsonNode event = ours.get(0);
        assertThat(event.path("team").asString()).isEqualTo("team-b");
        assertThat(event.path("principal").asString()).isEqualTo("demo key of team-b");
        assertThat(event.path("httpStatus").asInt()).isEqualTo(403);
        assertThat(event.path("attempt").asInt()).isZero();
        assertThat(event.path("parameters").toString()).doesNotContain("Pw-12345678");
        if (listOfInstance != null) {
            assertThat(json(admin.get(listOfInstance)).path("totalItems").asLong())
                    .as("nothing stored")
                    .isZero();
        }
    }
}
