package com.rdsmigration.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The month's usage splits into free and billable requests per billing class, and shows in Prometheus. */
@IntegrationTest
class QuotaApiTests {

    @LocalServerPort
    int port;

    @Test
    void theMonthsRequestsAreSplitIntoFreeAndBillablePerBillingClass() {
        GatewayApi teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        assertThat(teamA.post("/api/v1/imports", GatewayApi.newImport()).statusCode())
                .isEqualTo(201);

        JsonNode month = GatewayApi.json(teamA.get("/api/v1/quota")).path("month");

        long migrate = 0;
        for (String action : new String[] {
            "ImportDatabaseBetweenInstances",
            "CancelImport",
            "CreateCloudMigrationTask",
            "ActivateMigrationTargetInstance"
        }) {
            migrate += month.path("requests").path(action).asLong(0);
        }
        JsonNode migrateClass = month.path("classes").path("MIGRATE");
        assertThat(migrate).isPositive();
        assertThat(migrateClass.path("requests").asLong()).isEqualTo(migrate);
        assertThat(migrateClass.path("free").asLong()).isEqualTo(Math.min(migrate, 100));
        assertThat(migrateClass.path("billable").asLong()).isEqualTo(migrate - Math.min(migrate, 100));
        JsonNode assessment = month.path("classes").path("ASSESSMENT");
        assertThat(assessment.path("free").asLong())
                .as("no free tier for assessments")
                .isZero();
        assertThat(assessment.path("billable").asLong())
                .isEqualTo(month.path("requests")
                        .path("CreateCloudMigrationPrecheckTask")
                        .asLong(0));
    }

    @Test
    void aTeamSeesItsOwnMonthlyRequestsAndAnAdministratorEveryTeams() {
        GatewayApi teamB = new GatewayApi(port, GatewayApi.TEAM_B);
        assertThat(teamB.post("/api/v1/imports", GatewayApi.newImport()).statusCode())
                .isEqualTo(201);

        JsonNode own = GatewayApi.json(teamB.get("/api/v1/quota")).path("monthRequestsPerTeam");
        JsonNode all =
                GatewayApi.json(teamB.as(GatewayApi.ADMIN).get("/api/v1/quota")).path("monthRequestsPerTeam");

        assertThat(own.propertyNames()).containsExactly("team-b");
        assertThat(own.path("team-b").asLong()).isPositive();
        assertThat(all.path("team-b").asLong())
                .isGreaterThanOrEqualTo(own.path("team-b").asLong());
        assertThat(all.propertyNames()).contains("team-a", "team-b");
    }

    @Test
    void prometheusShowsTheMonthsRequestsPerActionAndBillablePerClass() {
        GatewayApi admin = new GatewayApi(port, GatewayApi.ADMIN);
        assertThat(admin.post("/api/v1/imports", GatewayApi.newImport()).statusCode())
                .isEqualTo(201);

        String scrape = admin.get("/actuator/prometheus").body();

        assertThat(scrape)
                .containsPattern(
                        "gateway_quota_month_requests\\{[^}]*action=\"ImportDatabaseBetweenInstances\"[^}]*} [1-9]")
                .containsPattern("gateway_quota_month_billable\\{[^}]*class=\"ASSESSMENT\"");
    }
}
