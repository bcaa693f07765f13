package com.rdsmigration.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.GatewayInstance;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.support.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A team with a monthly budget is refused once it is spent; other teams are not affected. */
@IntegrationTest
class TeamBudgetTests {

    @LocalServerPort
    int simulatorPort;

    /** The simulator checks signature timestamps on this clock; the replica signs with the real one. */
    @Autowired
    MutableClock clock;

    @Test
    void aTeamOverItsMonthlyBudgetGets429UntilNextMonthAndNothingIsSent() {
        clock.set(Instant.now());
        try (GatewayInstance gateway = GatewayInstance.start(
                TestDatabase.newSchema(), simulatorPort, Map.of("gateway.teams.team-b.monthly-requests", "3"))) {
            GatewayApi teamB = new GatewayApi(gateway.port(), GatewayApi.TEAM_B);
            GatewayApi simulator = new GatewayApi(simulatorPort, null);
            for (int i = 0; i < 3; i++) {
                assertThat(teamB.post("/api/v1/imports", GatewayApi.newImport("team-b"))
                                .statusCode())
                        .isEqualTo(201);
            }
            Instant spent = Instant.now();

            HttpResponse<String> refused = teamB.post("/api/v1/imports", GatewayApi.newImport("team-b"));

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(GatewayApi.json(refused).path("refusal").asString()).isEqualTo("QUOTA_EXCEEDED");
            assertThat(refused.headers().firstValueAsLong("Retry-After").orElse(0))
                    .as("until the first of next month")
                    .isBetween(1L, 31L * 86_400);
            assertThat(simulator.arrivals("ImportDatabaseBetweenInstances", spent))
                    .isEmpty();
            JsonNode budget = GatewayApi.json(teamB.get("/api/v1/quota")).path("teamBudget");
            assertThat(budget.path("used").asLong()).isEqualTo(3);
            assertThat(budget.path("monthlyRequests").asLong()).isEqualTo(3);
            assertThat(new GatewayApi(gateway.port(), GatewayApi.TEAM_A)
                            .post("/api/v1/imports", GatewayApi.newImport())
                            .statusCode())
                    .as("a team without a budget")
                    .isEqualTo(201);
        }
    }
}
