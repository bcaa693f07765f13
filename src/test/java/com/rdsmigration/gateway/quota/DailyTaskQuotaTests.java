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
 * The daily task limit holds for two replicas sharing one PostgreSQL: of 50 creates at once against a limit of 20,
 * exactly 20 reach the upstream and 30 are refused with 429 and {@code Retry-After}, before any upstream call.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DailyTaskQuotaTests {

    static final int LIMIT = 20;
    static final int CREATES = 50;

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
                "gateway.quota.daily-task-limit",
                Integer.toString(LIMIT),
                "rds.rate-limits.writes-per-second",
                "1000000",
                // The account's limit alone; FairDailyShareTests has the teams' shares.
                "gateway.quota.default-daily-task-share",
                "1");
        replicas = TwoReplicas.start(simulatorPort, settings);
    }

    @AfterAll
    void stopReplicas() {
        replicas.close();
    }

    @Test
    void fiftyCreatesOverTwoReplicasAgainstALimitOfTwentySendExactlyTwenty() {
        GatewayApi simulator = new GatewayApi(simulatorPort, null);
        List<GatewayApi> apis = replicas.apis(GatewayApi.TEAM_A, GatewayApi.TEAM_B);
        Instant start = Instant.now();

        List<HttpResponse<String>> answers = GatewayApi.createImportsAtOnce(apis, CREATES);

        assertThat(answers.stream().filter(answer -> answer.statusCode() == 201))
                .as("created")
                .hasSize(LIMIT);
        List<HttpResponse<String>> refused =
                answers.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertThat(refused).as("refused").hasSize(CREATES - LIMIT);
        for (HttpResponse<String> answer : refused) {
            JsonNode problem = GatewayApi.json(answer);
            assertThat(problem.path("type").asString()).isEqualTo("urn:rds-migration-gateway:problem:rate-limited");
            assertThat(problem.path("refusal").asString()).isEqualTo("QUOTA_EXCEEDED");
            assertThat(answer.headers().firstValueAsLong("Retry-After").orElse(0))
                    .as("until midnight in Asia/Shanghai")
                    .isBetween(1L, 86_400L);
        }
        assertThat(simulator.arrivals("ImportDatabaseBetweenInstances", start))
                .as("creates that reached the upstream")
                .hasSize(LIMIT);

        JsonNode quota = GatewayApi.json(apis.get(0).as(GatewayApi.ADMIN).get("/api/v1/quota"));
        assertThat(quota.path("today").path("taskCreations").asInt()).isEqualTo(LIMIT);
        assertThat(quota.path("today").path("dailyTaskLimit").asInt()).isEqualTo(LIMIT);
        assertThat(quota.path("today")
                        .path("requests")
                        .path("ImportDatabaseBetweenInstances")
                        .asLong())
                .as("the audit trail's count of upstream requests")
                .isEqualTo(LIMIT);
    }
}
