package com.rdsmigration.gateway.rds;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What operators watch: retries, breaker states, rate-limit waits and upstream latency per action. */
@IntegrationTest
class ResilienceMetricsTests {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void prometheusShowsRetriesBreakersRateLimitWaitsAndUpstreamLatencyPerAction() {
        GatewayApi team = new GatewayApi(port, GatewayApi.TEAM_A);
        assertThat(team.post("/api/v1/imports", GatewayApi.newImport()).statusCode())
                .isEqualTo(201);

        HttpResponse<String> scrape = team.as(GatewayApi.ADMIN).get("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("resilience4j_circuitbreaker_state{")
                .containsPattern("resilience4j_retry_calls_total\\{[^}]*name=\"rdsWrite\"")
                .containsPattern("resilience4j_bulkhead_available_concurrent_calls\\{[^}]*name=\"rdsWrite\"")
                .containsPattern(
                        "rds_rate_limit_wait_seconds_count\\{[^}]*actions=\"writes\"[^}]*outcome=\"permitted\"")
                .containsPattern(
                        "rds_upstream_requests_seconds_count\\{[^}]*action=\"ImportDatabaseBetweenInstances\"[^}]*"
                                + "outcome=\"success\"");
        assertThat(team.get("/actuator/prometheus").statusCode())
                .as("metrics are for operators")
                .isEqualTo(403);
    }

    @Test
    void retriesAreCountedPerAction() {
        GatewayApi team = new GatewayApi(port, GatewayApi.TEAM_A);
        double before = retries("ImportDatabaseBetweenInstances");
        double otherBefore = retries("CancelImport");
        team.putFaults("{\"errorRate\": 1.0, \"errorCode\": \"Throttling.User\", \"httpStatus\": 400,"
                + " \"actions\": [\"ImportDatabaseBetweenInstances\"]}");
        try {
            assertThat(team.post("/api/v1/imports", GatewayApi.newImport()).statusCode())
                    .as("throttled on every attempt")
                    .isGreaterThanOrEqualTo(400);
        } finally {
            team.putFaults("{}");
        }

        assertThat(retries("ImportDatabaseBetweenInstances") - before)
                .as("rdsWrite makes 3 attempts of a throttled create: 2 retries")
                .isEqualTo(2);
        assertThat(retries("CancelImport")).isEqualTo(otherBefore);
        assertThat(team.as(GatewayApi.ADMIN).get("/actuator/prometheus").body())
                .containsPattern("rds_upstream_retries_total\\{[^}]*action=\"ImportDatabaseBetweenInstances\"");
    }

    private double retries(String action) {
        return meters.get("rds.upstream.retries")
                .tag("action", action)
                .counter()
                .count();
    }

    @Test
    void breakerStatesAreInHealthDetailsButNotInReadiness() {
        GatewayApi admin = new GatewayApi(port, GatewayApi.ADMIN);

        JsonNode health = GatewayApi.json(admin.get("/actuator/health"));
        JsonNode readiness = GatewayApi.json(admin.get("/actuator/health/readiness"));

        assertThat(health.path("components")
                        .path("circuitBreakers")
                        .path("details")
                        .path("rdsWrite")
                        .path("details")
                        .path("state")
                        .asString())
                .isIn("CLOSED", "HALF_OPEN", "OPEN");
        assertThat(readiness.path("components").has("circuitBreakers"))
                .as("an open breaker must not take the gateway out of service")
                .isFalse();
        assertThat(readiness.path("status").asString()).isEqualTo("UP");
    }
}
