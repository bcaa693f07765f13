package com.rdsmigration.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every upstream attempt is on record, with the upstream's RequestId, the caller, and no secret. */
@IntegrationTest
class AuditTrailTests {

    static final String PASSWORD = "audit-test-Secret-9f2";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditStore store;

    @Autowired
    AuditPurge purge;

    @Test
    void aFlowLeavesOneAuditEventPerUpstreamCallEachWithTheUpstreamsRequestId() {
        GatewayApi teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        Set<UUID> before = new HashSet<>(
                jdbc.sql("select id from audit_event").query(UUID.class).list());
        Instant start = Instant.now();

        String importId = GatewayApi.json(teamA.post("/api/v1/imports", GatewayApi.newImport()))
                .path("id")
                .asString();
        assertThat(teamA.post("/api/v1/imports/" + importId + "/cancel", "").statusCode())
                .isEqualTo(200);
        String target = GatewayApi.newInstance("pgm", "team-a");
        HttpResponse<String> precheck = teamA.post(
                "/api/v1/cloud-migration-prechecks",
                "{\"targetInstanceId\":\"" + target + "\",\"source\":{\"host\":\"172.16.0.10\",\"port\":5432,"
                        + "\"account\":\"migratetest\",\"password\":\"" + PASSWORD + "\",\"category\":\"ecsOnVpc\"}}");
        assertThat(precheck.statusCode()).isEqualTo(201);
        clock.advance(Duration.ofSeconds(11));
        teamA.get("/api/v1/cloud-migration-prechecks/"
                + GatewayApi.json(precheck).path("id").asString());

        Map<String, String> upstreamCalls = teamA.requestIds(start);
        List<Map<String, Object>> events = new ArrayList<>();
        for (Map<String, Object> event :
                jdbc.sql("select * from audit_event").query().listOfRows()) {
            if (!before.contains((UUID) event.get("id"))) {
                events.add(event);
            }
        }
        assertThat(upstreamCalls).as("create, cancel, precheck, read").hasSize(4);
        assertThat(events).as("one audit event per upstream call").hasSameSizeAs(upstreamCalls.keySet());
        for (Map<String, Object> event : events) {
            String requestId = (String) event.get("upstream_request_id");
            assertThat(upstreamCalls).containsEntry(requestId, (String) event.get("action"));
            assertThat(event.get("outcome")).isEqualTo("SUCCEEDED");
            assertThat(event.get("team")).isEqualTo("team-a");
            assertThat(event.get("principal")).isEqualTo("demo key of team-a");
            assertThat((String) event.get("correlation_id")).isNotBlank();
            assertThat((String) event.get("parameters")).doesNotContain(PASSWORD);
        }
        Map<String, Object> created = events.stream()
                .filter(event -> "CreateCloudMigrationPrecheckTask".equals(event.get("action")))
                .findFirst()
                .orElseThrow();
        assertThat((String) created.get("parameters")).contains("\"SourcePassword\":\"******\"");
        assertThat(created.get("task_id")).isNotNull();
        assertThat(created.get("task_name")).isNotNull();
    }

    @Test
    void pagesWalkEveryEventOnceNewestFirstAndEachTeamSeesItsOwn() {
        GatewayApi teamB = new GatewayApi(port, GatewayApi.TEAM_B);
        for (int i = 0; i < 5; i++) {
            assertThat(teamB.post("/api/v1/imports", GatewayApi.newImport("team-b"))
                            .statusCode())
                    .isEqualTo(201);
        }

        List<JsonNode> walked = new ArrayList<>();
        String token = null;
        do {
            HttpResponse<String> page = teamB.get("/api/v1/audit-events?action=ImportDatabaseBetweenInstances&size=2"
                    + (token == null ? "" : "&pageToken=" + token));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode body = GatewayApi.json(page);
            body.path("items").forEach(walked::add);
            token = body.path("nextPageToken").isNull()
                            || body.path("nextPageToken").isMissingNode()
                    ? null
                    : body.path("nextPageToken").asString();
        } while (token != null);

        assertThat(walked).hasSizeGreaterThanOrEqualTo(5);
        assertThat(walked.stream().map(event -> event.path("id").asString())).doesNotHaveDuplicates();
        assertThat(walked)
                .allSatisfy(event -> assertThat(event.path("team").asString()).isEqualTo("team-b"));
        List<String> times = walked.stream()
                .map(event -> event.path("occurredAt").asString())
                .toList();
        assertThat(times.stream().map(Instant::parse).toList()).isSortedAccordingTo((a, b) -> b.compareTo(a));

        HttpResponse<String> teamAsView =
                new GatewayApi(port, GatewayApi.TEAM_A).get("/api/v1/audit-events?team=team-b&size=200");
        assertThat(GatewayApi.json(teamAsView).path("items").findValuesAsString("team"))
                .doesNotContain("team-b");
        HttpResponse<String> adminsView =
                new GatewayApi(port, GatewayApi.ADMIN).get("/api/v1/audit-events?team=team-b&size=5");
        assertThat(GatewayApi.json(adminsView).path("items").findValuesAsString("team"))
                .containsOnly("team-b");
    }

    @Test
    void aBadPageTokenOrSizeIsAProblemNotAnError() {
        GatewayApi teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        for (String query : List.of("pageToken=not-a-token", "size=0", "size=201", "outcome=MAYBE", "from=yesterday")) {
            HttpResponse<String> answer = teamA.get("/api/v1/audit-events?" + query);
            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void aResourceIdPagesThroughTheEventsOfThatImportIdTaskNameOrTaskIdAlone() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long taskId = 900_000_000L + Math.abs(suffix.hashCode() % 1_000_000);
        String taskName = "audit-resource-" + suffix;
        String importId = String.valueOf(taskId); // an ImportId may look like another task's TaskId
        Instant start = clock.instant().minus(Duration.ofHours(1));
        List<UUID> byTask = new ArrayList<>();
        List<UUID> byImport = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            byTask.add(event(
                    start.plusSeconds(i),
                    null,
                    taskId,
                    taskName,
                    i == 3 ? AuditOutcome.FAILED : AuditOutcome.SUCCEEDED));
            byImport.add(event(start.plusSeconds(i).plusMillis(500), importId, null, null, AuditOutcome.SUCCEEDED));
            event(start.plusSeconds(i), null, taskId + 1, taskName + "-other", AuditOutcome.SUCCEEDED);
        }

        List<UUID> taskNewestFirst = new ArrayList<>();
        List<UUID> numberNewestFirst = new ArrayList<>();
        for (int i = 6; i >= 0; i--) {
            taskNewestFirst.add(byTask.get(i));
            numberNewestFirst.add(byImport.get(i)); // half a second after the task's event
            numberNewestFirst.add(byTask.get(i));
        }
        assertThat(walk(taskName, null)).containsExactlyElementsOf(taskNewestFirst);
        assertThat(walk(String.valueOf(taskId), null))
                .as("the number is this task's TaskId and the import's ImportId")
                .containsExactlyElementsOf(numberNewestFirst);
        assertThat(walk(importId, AuditOutcome.SUCCEEDED)).hasSize(13);
        assertThat(walk(taskName, AuditOutcome.FAILED)).containsExactly(byTask.get(3));
    }

    private UUID event(
            Instant at,
            @Nullable String importId,
            @Nullable Long taskId,
            @Nullable String taskName,
            AuditOutcome outcome) {
        UUID id = UUID.randomUUID();
        store.started(new AuditStore.Started(
                id,
                at,
                "team-a",
                "demo key of team-a",
                "DescribeCloudMigrationResult",
                1,
                importId,
                taskId,
                taskName,
                null,
                Map.of()));
        store.ended(id, new AuditStore.Ended(outcome, 200, null, "REQ-" + id, null, null, 12));
        return id;
    }

    /** Every event of the resource, two to a page, in the order the pages give them. */
    private List<UUID> walk(String resourceId, @Nullable AuditOutcome outcome) {
        List<UUID> walked = new ArrayList<>();
        PageToken after = null;
        while (true) {
            List<AuditEvent> page =
                    store.page(new AuditStore.Query("team-a", null, outcome, null, null, resourceId, after, 2));
            page.stream().limit(2).map(AuditEvent::id).forEach(walked::add);
            if (page.size() <= 2) {
                return walked;
            }
            AuditEvent last = page.get(1);
            after = new PageToken(last.occurredAt(), last.id());
        }
    }

    @Test
    void eventsOlderThanTheRetentionArePurged() {
        Instant now = clock.instant();
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        for (UUID id : List.of(old, recent)) {
            store.started(new AuditStore.Started(
                    id,
                    id == old ? now.minus(Duration.ofDays(401)) : now.minus(Duration.ofDays(399)),
                    "team-a",
                    "demo key of team-a", // the key's label, as the gateway records it; never the key
                    "CancelImport",
                    1,
                    "1",
                    null,
                    null,
                    null,
                    Map.of()));
        }

        assertThat(purge.purge()).isPositive();

        assertThat(jdbc.sql("select count(*) from audit_event where id = :id")
                        .param("id", old)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where id = :id")
                        .param("id", recent)
                        .query(Long.class)
                        .single())
                .isOne();
    }
}
