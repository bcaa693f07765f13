package com.rdsmigration.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.support.SecurityHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Each team's request rate on the gateway's own API, over real HTTP with a tiny limit (one request a second, two at
 * once) on the test's clock: a team over it is refused with 429 before anything is done, while the others go on.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "gateway.security.rate-limit.requests-per-second=1",
            "gateway.security.rate-limit.burst=2",
            "gateway.teams.team-b.rate-limit.burst=3"
        })
class RequestRateLimitTests {

    static final String IMPORT = "ImportDatabaseBetweenInstances";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    GatewayApi teamA;
    GatewayApi teamB;

    @BeforeEach
    void fillEveryBucket() {
        clock.advance(Duration.ofHours(1));
        teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        teamB = new GatewayApi(port, GatewayApi.TEAM_B);
    }

    long rows(String table, String team) {
        return jdbc.sql("select count(*) from " + table + " where team = ?")
                .param(team)
                .query(Long.class)
                .single();
    }

    @Test
    void refusesATeamOverItsRateWith429BeforeDoingAnythingWhileAnotherTeamGoesOn() {
        assertThat(teamA.post("/api/v1/imports", GatewayApi.newImport()).statusCode())
                .isEqualTo(201);
        assertThat(teamA.get("/api/v1/imports").statusCode()).isEqualTo(200);
        long upstreamCalls = teamA.upstreamCalls(IMPORT);
        long imports = rows("import_task", "team-a");
        long keys = rows("idempotency_key", "team-a");
        String key = UUID.randomUUID().toString();
        String body = GatewayApi.newImport();

        HttpResponse<String> refused = teamA.post("/api/v1/imports", body, key);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        JsonNode problem = GatewayApi.json(refused);
        assertThat(problem.path("type").asString()).isEqualTo("urn:rds-migration-gateway:problem:rate-limited");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asString()).contains("team-a", "1 a second", "2 at once");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/imports");
        assertThat(teamA.upstreamCalls(IMPORT)).as("nothing sent upstream").isEqualTo(upstreamCalls);
        assertThat(rows("import_task", "team-a")).as("no task stored").isEqualTo(imports);
        assertThat(rows("idempotency_key", "team-a"))
                .as("no idempotency key claimed")
                .isEqualTo(keys);

        assertThat(teamB.post("/api/v1/imports", GatewayApi.newImport("team-b")).statusCode())
                .as("another team at the same moment")
                .isEqualTo(201);
        assertThat(teamB.get("/api/v1/imports").statusCode()).isEqualTo(200);
        assertThat(teamB.get("/api/v1/imports").statusCode())
                .as("team-b's own burst of 3")
                .isEqualTo(200);
        assertThat(teamB.get("/api/v1/imports").statusCode()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(1));
        long upstreamCallsBeforeRetry = teamA.upstreamCalls(IMPORT);
        HttpResponse<String> retried = teamA.post("/api/v1/imports", body, key);
        assertThat(retried.statusCode())
                .as("the same request, once Retry-After has passed")
                .isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(teamA.upstreamCalls(IMPORT)).isEqualTo(upstreamCallsBeforeRetry + 1);
        assertThat(rows("import_task", "team-a")).isEqualTo(imports + 1);
    }

    @Test
    void tellsTheBudgetOnEveryAnswerOfTheApiSuccessesAndProblemsAlike() {
        HttpResponse<String> found = teamA.get("/api/v1/imports");
        HttpResponse<String> notFound = teamA.get("/api/v1/imports/" + UUID.randomUUID());
        HttpResponse<String> refused = teamA.get("/api/v1/imports");

        assertThat(found.statusCode()).isEqualTo(200);
        assertBudget(found, 2, 1, 1);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertBudget(notFound, 2, 0, 2);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertBudget(refused, 2, 0, 2);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(teamA.as(null).get("/api/v1/imports").headers().firstValue("RateLimit-Limit"))
                .as("no caller, no budget to tell")
                .isEmpty();
        assertThat(teamA.get("/actuator/health/readiness").headers().firstValue("RateLimit-Limit"))
                .as("the budget is the API's only")
                .isEmpty();
    }

    private static void assertBudget(HttpResponse<String> answer, int limit, int remaining, int reset) {
        assertThat(answer.headers().firstValue("RateLimit-Limit")).hasValue(Integer.toString(limit));
        assertThat(answer.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(remaining));
        assertThat(answer.headers().firstValue("RateLimit-Reset")).hasValue(Integer.toString(reset));
    }

    @Test
    void limitsAnAdministratorByItsOwnTeamsBucket() {
        GatewayApi admin = new GatewayApi(port, GatewayApi.ADMIN);
        assertThat(admin.get("/api/v1/imports").statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/v1/imports").statusCode()).isEqualTo(200);

        assertThat(admin.get("/api/v1/imports").statusCode()).isEqualTo(429);
        assertThat(teamA.get("/api/v1/imports").statusCode()).isEqualTo(200);
    }

    @Test
    void leavesEverythingButTheApiUnlimited() {
        teamA.get("/api/v1/imports");
        teamA.get("/api/v1/imports");

        assertThat(teamA.get("/api/v1/imports").statusCode()).isEqualTo(429);
        for (int i = 0; i < 5; i++) {
            assertThat(teamA.get("/v3/api-docs").statusCode()).isEqualTo(200);
            assertThat(teamA.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(teamA.get("/rds-simulator/_control/calls").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void answersA429WithTheSecurityHeaders() {
        teamA.get("/api/v1/imports");
        teamA.get("/api/v1/imports");

        HttpResponse<String> refused = teamA.get("/api/v1/imports");

        assertThat(refused.statusCode()).isEqualTo(429);
        SecurityHeaders.assertOnApiAnswer(refused);
    }
}
