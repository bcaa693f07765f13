package com.rdsmigration.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.Map;
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

        JsonNode month =
                GatewayApi.json(teamA.as(GatewayApi.ADMIN).get("/api/v1/quota")).path("month");

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
    void theEstimatedCostIsTheBillableRequestsAtTheDefaultTierPrices() {
        GatewayApi teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        String precheck = "{\"targetInstanceId\":\"" + GatewayApi.newInstance("pgm", "team-a")
                + "\",\"source\":{\"host\":\"172.16.0.10\",\"port\":5432,\"account\":\"migratetest\","
                + "\"password\":\"pw\",\"category\":\"ecsOnVpc\"}}";
        assertThat(teamA.post("/api/v1/cloud-migration-prechecks", precheck).statusCode())
                .as("an assessment: billable from the first, there is no free tier")
                .isEqualTo(201);

        JsonNode month =
                GatewayApi.json(teamA.as(GatewayApi.ADMIN).get("/api/v1/quota")).path("month");

        // The first tier of each class: its size and price (QuotaProperties.Pricing's defaults).
        Map<String, Long> firstTier = Map.of("ASSESSMENT", 1_000L, "MIGRATE", 10_000L, "QUERY", 100_000L);
        Map<String, String> firstPrice = Map.of("ASSESSMENT", "0.10", "MIGRATE", "0.05", "QUERY", "0.01");
        BigDecimal total = BigDecimal.ZERO;
        for (String billingClass : firstTier.keySet()) {
            JsonNode usage = month.path("classes").path(billingClass);
            long billable = usage.path("billable").asLong();
            assertThat(billable)
                    .as("this test stays in the first tier")
                    .isLessThanOrEqualTo(firstTier.get(billingClass));
            BigDecimal expected = new BigDecimal(firstPrice.get(billingClass)).multiply(BigDecimal.valueOf(billable));
            assertThat(usage.path("estimatedCostCny").decimalValue())
                    .as(billingClass)
                    .isEqualByComparingTo(expected);
            total = total.add(expected);
        }
        assertThat(month.path("classes")
                        .path("ASSESSMENT")
                        .path("estimatedCostCny")
                        .decimalValue())
                .isPositive();
        assertThat(month.path("total").path("estimatedCostCny").decimalValue()).isEqualByComparingTo(total);
        BigDecimal perAction = BigDecimal.ZERO;
        for (JsonNode action : month.path("actions")) {
            perAction = perAction.add(action.path("estimatedCostCny").decimalValue());
        }
        assertThat(perAction)
                .as("the actions' shares add up to the total, to the last digit of each share")
                .isCloseTo(total, within(new BigDecimal("0.0010")));
    }

    @Test
    void aTeamSeesOnlyItsOwnUsageAndShareAndAnAdministratorTheWholeAccount() {
        GatewayApi teamB = new GatewayApi(port, GatewayApi.TEAM_B);
        assertThat(teamB.post("/api/v1/imports", GatewayApi.newImport("team-b")).statusCode())
                .isEqualTo(201);

        JsonNode own = GatewayApi.json(teamB.get("/api/v1/quota"));
        JsonNode all = GatewayApi.json(teamB.as(GatewayApi.ADMIN).get("/api/v1/quota"));

        JsonNode team = own.path("team");
        assertThat(team.path("name").asString()).isEqualTo("team-b");
        assertThat(team.path("month").path("requests").asLong()).isPositive();
        assertThat(team.path("today").path("taskCreations").asLong()).isPositive();
        assertThat(team.path("taskCreations").asInt()).isPositive();
        assertThat(team.path("dailyTaskShare").asDouble())
                .as("the default share")
                .isEqualTo(0.5);
        assertThat(team.path("dailyTaskLimit").asInt()).isEqualTo(500_000);
        for (String accountWide : new String[] {"account", "today", "month", "rateLimits"}) {
            assertThat(own.path(accountWide).isNull())
                    .as("%s is the administrators'", accountWide)
                    .isTrue();
        }
        assertThat(own.toString()).doesNotContain("team-a");

        JsonNode teams = all.path("month").path("teams");
        assertThat(all.path("account").asString()).isNotBlank();
        assertThat(teams.propertyNames()).contains("team-a", "team-b");
        assertThat(teams.path("team-b").path("requests").asLong())
                .isEqualTo(team.path("month").path("requests").asLong());
        assertThat(all.path("today").path("taskCreations").asInt())
                .isGreaterThanOrEqualTo(team.path("taskCreations").asInt());
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
                .containsPattern("gateway_quota_month_billable\\{[^}]*class=\"ASSESSMENT\"")
                .containsPattern("gateway_quota_month_cost_cny\\{[^}]*action=\"CreateCloudMigrationPrecheckTask\"")
                .containsPattern("gateway_quota_day_task_creations [1-9]")
                .containsPattern("gateway_quota_day_task_limit 1000000");
    }
}
