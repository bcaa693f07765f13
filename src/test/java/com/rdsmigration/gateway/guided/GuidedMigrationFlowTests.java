package com.rdsmigration.gateway.guided;

import static com.rdsmigration.gateway.guided.GuidedMigrations.blockers;
import static com.rdsmigration.gateway.guided.GuidedMigrations.statuses;
import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A guided migration from creation to SUCCEEDED over real HTTP, PostgreSQL and the simulator, time moved by the
 * injected clock: the precheck, the migration, the wait in increment held by an approval and a maintenance window,
 * then exactly one ActivateMigrationTargetInstance the moment the window opens.
 */
@IntegrationTest
class GuidedMigrationFlowTests {

    static final String ACTIVATE = "ActivateMigrationTargetInstance";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    GuidedMigrationDriver driver;

    GatewayApi creator;
    GatewayApi reviewer;
    GuidedMigrations guided;

    @BeforeEach
    void setUp() {
        creator = new GatewayApi(port, GatewayApi.TEAM_A);
        reviewer = creator.as(GatewayApi.TEAM_A_REVIEWER);
        guided = new GuidedMigrations(creator, clock, driver);
    }

    @Test
    void approvedThenStartedTheMomentTheWindowOpensWithExactlyOneActivate() {
        // A daily one-hour window in Shanghai starting three whole hours from now: closed until then.
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        ZonedDateTime opens = ZonedDateTime.ofInstant(clock.instant(), shanghai)
                .truncatedTo(ChronoUnit.HOURS)
                .plusHours(3);
        String window = "{\"zone\":\"Asia/Shanghai\",\"days\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\","
                + "\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"],\"start\":\"" + opens.toLocalTime() + "\",\"end\":\""
                + opens.plusHours(1).toLocalTime() + "\"}";
        long activatesBefore = creator.upstreamCalls(ACTIVATE);

        JsonNode created = guided.create("{\"requiredApprovals\":1,\"window\":" + window + "}");
        String id = created.path("id").asString();
        assertThat(created.path("status").asString()).isEqualTo("PRECHECKING");
        assertThat(created.path("precheckId").asString()).isNotBlank();
        assertThat(created.path("createdBy").asString()).isEqualTo("demo key of team-a");
        assertThat(created.path("nextWindowStart").asString())
                .isEqualTo(opens.toInstant().toString());

        JsonNode migrating = guided.driveUntil(id, "MIGRATING", 3);
        String migrationId = migrating.path("migrationId").asString();
        assertThat(creator.get("/api/v1/cloud-migration-prechecks/"
                                + created.path("precheckId").asString())
                        .body())
                .contains("\"status\":\"PASSED\"");

        JsonNode waiting = guided.driveUntil(id, "AWAITING_CUTOVER", 6);
        assertThat(blockers(waiting)).containsExactly("APPROVAL_PENDING", "WINDOW_NOT_OPEN");
        assertThat(waiting.path("stage").asString()).isEqualTo("increment");
        assertThat(waiting.path("replicationState").asString()).isEqualTo("streaming");

        // The migration it drives is switched over by it alone.
        HttpResponse<String> direct = creator.post("/api/v1/cloud-migrations/" + migrationId + "/switchover", "");
        assertThat(direct.statusCode()).as(direct.body()).isEqualTo(409);
        assertThat(json(direct).path("detail").asString()).contains("guided migration " + id);

        HttpResponse<String> selfApproval = creator.post(approvals(id), "{\"comment\":\"mine, so fine\"}");
        assertThat(selfApproval.statusCode()).as(selfApproval.body()).isEqualTo(403);
        assertThat(json(selfApproval).path("type").asString()).endsWith(":self-approval");

        HttpResponse<String> approved = reviewer.post(approvals(id), "{\"comment\":\"Checked with orders; go.\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
        assertThat(blockers(json(approved))).containsExactly("WINDOW_NOT_OPEN");
        assertThat(json(approved).path("approvals").get(0).path("by").asString())
                .isEqualTo("demo reviewer of team-a");

        HttpResponse<String> again = reviewer.post(approvals(id), "{\"comment\":\"twice\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);

        clock.set(opens.toInstant().minusSeconds(1));
        driver.driveAll();
        assertThat(guided.get(id).path("status").asString()).isEqualTo("AWAITING_CUTOVER");
        assertThat(creator.upstreamCalls(ACTIVATE)).isEqualTo(activatesBefore);

        clock.set(opens.toInstant());
        driver.driveAll();
        JsonNode switching = guided.get(id);
        assertThat(switching.path("status").asString()).isEqualTo("SWITCHING");
        assertThat(switching.path("blockers")).isEmpty();

        JsonNode succeeded = guided.driveUntil(id, "SUCCEEDED", 3);
        assertThat(creator.upstreamCalls(ACTIVATE)).isEqualTo(activatesBefore + 1);
        assertThat(statuses(succeeded))
                .containsExactly("PENDING", "PRECHECKING", "MIGRATING", "AWAITING_CUTOVER", "SWITCHING", "SUCCEEDED");
        succeeded
                .path("history")
                .forEach(entry -> assertThat(entry.path("at").asString()).isNotBlank());
        assertThat(Instant.parse(succeeded.path("history").get(4).path("at").asString()))
                .isEqualTo(opens.toInstant());
        assertThat(succeeded.path("nextWindowStart").isNull()).isTrue();
        assertThat(creator.get("/api/v1/cloud-migrations/" + migrationId).body())
                .contains("\"status\":\"SUCCEEDED\"");
    }

    static String approvals(String id) {
        return "/api/v1/guided-migrations/" + id + "/approvals";
    }
}
