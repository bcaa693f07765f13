package com.rdsmigration.gateway.quota;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Three records of every upstream request agree: the simulator's call log, the audit trail and the quota counters.
 * The flow takes every one of the seven actions through the REST API, with retried failures, a call the upstream
 * refuses and requests the gateway refuses itself.
 */
@IntegrationTest
class UsageAccountingTests {

    static final String PASSWORD = "accounting-Secret-7c1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    CloudAccount account;

    @Test
    void everyUpstreamCallIsOneAuditEventWithItsRequestIdAndOneCountInTheQuota() {
        GatewayApi teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        GatewayApi teamB = teamA.as(GatewayApi.TEAM_B);
        Set<UUID> eventsBefore = new HashSet<>(
                jdbc.sql("select id from audit_event").query(UUID.class).list());
        Map<String, Long> countsBefore = counters();
        Instant start = Instant.now();

        runEveryActionOnce(teamA, teamB);

        Map<String, String> upstreamCalls = teamA.requestIds(start);
        List<Map<String, Object>> all = jdbc.sql("select * from audit_event").query().listOfRows().stream()
                .filter(event -> !eventsBefore.contains((UUID) event.get("id")))
                .toList();
        List<Map<String, Object>> events = all.stream()
                .filter(event -> !"REFUSED".equals(event.get("outcome")))
                .toList();
        assertThat(all.stream().filter(event -> "REFUSED".equals(event.get("outcome"))))
                .as("the refusal is on record, and sent nothing")
                .singleElement()
                .satisfies(refused ->
                        assertThat(refused.get("upstream_request_id")).isNull());
        assertThat(upstreamCalls.values())
                .as("all seven actions, and the read of an instance's resource group, reached the upstream")
                .containsAll(List.of(
                        "DescribeDBInstanceAttribute",
                        "ImportDatabaseBetweenInstances",
                        "CancelImport",
                        "CreateCloudMigrationPrecheckTask",
                        "DescribeCloudMigrationPrecheckResult",
                        "CreateCloudMigrationTask",
                        "DescribeCloudMigrationResult",
                        "ActivateMigrationTargetInstance"));
        assertThat(events).as("one audit event per upstream call").hasSameSizeAs(upstreamCalls.keySet());
        for (Map<String, Object> event : events) {
            assertThat(upstreamCalls)
                    .as("the simulator's RequestId on the event")
                    .containsEntry((String) event.get("upstream_request_id"), (String) event.get("action"));
        }
        assertThat(events.stream().map(event -> event.get("outcome")))
                .as("failed attempts are on record too")
                .contains("SUCCEEDED", "FAILED");

        Map<String, Long> eventsPerTeamAndAction = new HashMap<>();
        events.forEach(event -> eventsPerTeamAndAction.merge(
                (event.get("team") == null ? "system" : event.get("team")) + "/" + event.get("action"), 1L, Long::sum));
        Map<String, Long> counted = new HashMap<>();
        counters().forEach((key, requests) -> {
            long added = requests - countsBefore.getOrDefault(key, 0L);
            if (added != 0) {
                counted.put(key, added);
            }
        });
        assertThat(counted).as("quota counters per team and action").isEqualTo(eventsPerTeamAndAction);

        JsonNode quota = json(teamA.as(GatewayApi.ADMIN).get("/api/v1/quota"));
        JsonNode month = quota.path("month");
        // the month so far: other tests of this context may have counted days after the clock's today
        long monthInCounters = jdbc.sql("select coalesce(sum(requests), 0) from upstream_usage where account = :account"
                        + " and usage_day between :start and :today")
                .param("account", account.id())
                .param("start", LocalDate.parse(month.path("start").asString()))
                .param("today", LocalDate.parse(quota.path("today").path("date").asString()))
                .query(Long.class)
                .single();
        assertThat(month.path("total").path("requests").asLong())
                .as("GET /quota shows the counters")
                .isEqualTo(monthInCounters);
    }

    /** Imports and a whole cloud migration, a read that fails four times, an upstream refusal, two local refusals. */
    private void runEveryActionOnce(GatewayApi teamA, GatewayApi teamB) {
        String importId = json(teamA.post("/api/v1/imports", GatewayApi.newImport()))
                .path("id")
                .asString();
        assertThat(teamA.post("/api/v1/imports/" + importId + "/cancel", "").statusCode())
                .isEqualTo(200);

        String target = GatewayApi.newInstance("pgm", "team-b");
        HttpResponse<String> precheck = teamB.post("/api/v1/cloud-migration-prechecks", source(target, ""));
        assertThat(precheck.statusCode()).as(precheck.body()).isEqualTo(201);
        clock.advance(Duration.ofSeconds(11));
        String precheckId = json(precheck).path("id").asString();
        assertThat(json(teamB.get("/api/v1/cloud-migration-prechecks/" + precheckId))
                        .path("status")
                        .asString())
                .isEqualTo("PASSED");

        HttpResponse<String> migration =
                teamB.post("/api/v1/cloud-migrations", source(target, ",\"precheckId\":\"" + precheckId + "\""));
        assertThat(migration.statusCode()).as(migration.body()).isEqualTo(201);
        String migrationId = json(migration).path("id").asString();
        clock.advance(Duration.ofSeconds(15));
        assertThat(json(teamB.get("/api/v1/cloud-migrations/" + migrationId))
                        .path("stage")
                        .asString())
                .isEqualTo("increment");
        assertThat(teamB.post("/api/v1/cloud-migrations/" + migrationId + "/switchover", "")
                        .statusCode())
                .isEqualTo(200);

        teamB.putFaults("{\"errorRate\":1.0,\"errorCode\":\"ServiceUnavailable\",\"httpStatus\":503,"
                + "\"actions\":[\"DescribeCloudMigrationResult\"]}");
        try {
            clock.advance(Duration.ofSeconds(11));
            teamB.get("/api/v1/cloud-migrations/" + migrationId); // every attempt fails: retried, then given up
        } finally {
            teamB.putFaults("{}");
        }

        String grouped = GatewayApi.newInstance("pgm", "grouped");
        teamA.putInstance(grouped, "{\"resourceGroupId\":\"rg-team-a\"}");
        assertThat(teamA.post("/api/v1/cloud-migration-prechecks", source(grouped, ""))
                        .statusCode())
                .as("team-a's by its resource group, read upstream first")
                .isEqualTo(201);
        assertThat(teamB.post("/api/v1/cloud-migration-prechecks", source(grouped, ""))
                        .statusCode())
                .as("refused by the gateway: another team's instance, nothing sent")
                .isEqualTo(403);

        String unchecked = GatewayApi.newInstance("pgm", "team-a");
        assertThat(teamA.post("/api/v1/cloud-migrations", source(unchecked, "")).statusCode())
                .as("the upstream refuses a migration without a passed precheck")
                .isGreaterThanOrEqualTo(400);
        assertThat(teamA.post("/api/v1/imports", "{\"sourceInstanceId\":\"rm-x\"}")
                        .statusCode())
                .as("refused by the gateway: nothing sent")
                .isEqualTo(400);
        assertThat(teamA.as("not-a-key")
                        .post("/api/v1/imports", GatewayApi.newImport())
                        .statusCode())
                .isEqualTo(401);
    }

    private static String source(String target, String extra) {
        return "{\"targetInstanceId\":\"" + target + "\",\"source\":{\"host\":\"172.16.0.10\",\"port\":5432,"
                + "\"account\":\"migratetest\",\"password\":\"" + PASSWORD + "\",\"category\":\"ecsOnVpc\"}" + extra
                + "}";
    }

    /** Every counter of the account, summed over days, by "team/action". */
    private Map<String, Long> counters() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select team, action, sum(requests) as requests from upstream_usage where account = :account"
                        + " group by team, action")
                .param("account", account.id())
                .query()
                .listOfRows()
                .forEach(row -> counts.put(
                        row.get("team") + "/" + row.get("action"), ((Number) row.get("requests")).longValue()));
        return counts;
    }
}
