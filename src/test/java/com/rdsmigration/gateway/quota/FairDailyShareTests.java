package com.rdsmigration.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.support.TwoReplicas;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A team's share of the daily task limit holds for two replicas sharing one PostgreSQL: with a limit of 100 and team-a's
 * share at 0.5, a burst of 100 creates by team-a admits exactly 50, and team-b can still create the other 50.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FairDailyShareTests {

    static final int LIMIT = 100;

    @LocalServerPort
    int simulatorPort;

    /** The simulator checks signature timestamps on this clock; the replicas sign with the real one. */
    @Autowired
    MutableClock clock;

    TwoReplicas replicas;

    @BeforeAll
    void startTwoReplicas() {
        clock.set(Instant.now());
        Map<String, String> settings = Map.of(
                "gateway.quota.daily-task-limit", Integer.toString(LIMIT),
                "gateway.teams.team-a.daily-task-share", "0.5",
                "gateway.teams.team-b.daily-task-share", "1",
                "rds.rate-limits.writes-per-second", "1000000");
        replicas = TwoReplicas.start(simulatorPort, settings);
    }

    @AfterAll
    void stopReplicas() {
        replicas.close();
    }

    @Test
    void oneTeamsBurstTakesOnlyItsShareAndLeavesTheRestToTheOthers() {
        GatewayApi simulator = new GatewayApi(simulatorPort, null);
        List<GatewayApi> teamA = replicas.apis(GatewayApi.TEAM_A, GatewayApi.TEAM_A);
        List<GatewayApi> teamB = replicas.apis(GatewayApi.TEAM_B, GatewayApi.TEAM_B);
        Instant start = Instant.now();

        List<HttpResponse<String>> burst = GatewayApi.createImportsAtOnce(teamA, LIMIT);

        assertThat(burst.stream().filter(answer -> answer.statusCode() == 201))
                .as("team-a's creates admitted: its share")
                .hasSize(LIMIT / 2);
        List<HttpResponse<String>> refused =
                burst.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertThat(refused).as("team-a's creates refused").hasSize(LIMIT / 2);
        for (HttpResponse<String> answer : refused) {
            JsonNode problem = GatewayApi.json(answer);
            assertThat(problem.path("refusal").asString()).isEqualTo("QUOTA_EXCEEDED");
            assertThat(problem.path("detail").asString())
                    .as("says which limit was reached and when it resets")
                    .contains("team team-a has used its share of the daily task limit")
                    .contains("50 task creations a day")
                    .contains("resets at midnight");
            assertThat(answer.headers().firstValueAsLong("Retry-After").orElse(0))
                    .isBetween(1L, 86_400L);
        }

        List<HttpResponse<String>> others = GatewayApi.createImportsAtOnce(teamB, LIMIT / 2);

        assertThat(others)
                .as("team-b's creates after team-a's burst")
                .allSatisfy(answer ->
                        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));
        HttpResponse<String> overTheAccount = teamB.get(0).post("/api/v1/imports", GatewayApi.newImport("team-b"));
        assertThat(overTheAccount.statusCode()).isEqualTo(429);
        assertThat(GatewayApi.json(overTheAccount).path("detail").asString())
                .contains("the daily limit of 100 task creations for the cloud account is reached");
        assertThat(GatewayApi.json(teamB.get(1).get("/api/v1/quota"))
                        .path("team")
                        .path("taskCreations")
                        .asInt())
                .as("a create the account refused keeps no place in its team's count")
                .isEqualTo(LIMIT / 2);
        assertThat(simulator.arrivals("ImportDatabaseBetweenInstances", start))
                .as("creates that reached the upstream")
                .hasSize(LIMIT);

        JsonNode own = GatewayApi.json(teamA.get(0).get("/api/v1/quota")).path("team");
        assertThat(own.path("name").asString()).isEqualTo("team-a");
        assertThat(own.path("taskCreations").asInt()).isEqualTo(LIMIT / 2);
        assertThat(own.path("dailyTaskLimit").asInt()).isEqualTo(LIMIT / 2);
        assertThat(own.path("dailyTaskShare").asDouble()).isEqualTo(0.5);
    }
}
