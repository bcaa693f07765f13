package com.rdsmigration.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers of the free tier, the price tiers and how they are shared out. */
class UsageReportTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    static final LocalDate EARLIER = LocalDate.of(2026, 11, 3);

    static final QuotaProperties.FreeTier FREE = new QuotaProperties.FreeTier(0, 100, 100);

    /** Migrate calls: 0.05 for the first 10 billable a month, then 0.04; queries and assessments at one price. */
    static final QuotaProperties.Pricing PRICES = new QuotaProperties.Pricing(
            List.of(new QuotaProperties.PriceTier(null, new BigDecimal("0.10"))),
            QuotaProperties.PriceTier.of(10, "0.05", "0.04"),
            List.of(new QuotaProperties.PriceTier(null, new BigDecimal("0.01"))));

    static UsageLedger.Entry entry(LocalDate day, String team, String action, long requests, long calls) {
        return new UsageLedger.Entry(day, team, action, requests, calls);
    }

    @Test
    void tiersPriceEachBillableRequestByItsPlaceInTheMonth() {
        List<QuotaProperties.PriceTier> tiers = QuotaProperties.PriceTier.of(10, "0.05", "0.04");

        assertThat(PriceList.cost(tiers, 0)).isEqualByComparingTo("0");
        assertThat(PriceList.cost(tiers, 10)).isEqualByComparingTo("0.50");
        assertThat(PriceList.cost(tiers, 25)).isEqualByComparingTo("1.10"); // 10 × 0.05 + 15 × 0.04
    }

    @Test
    void theFreeTierGoesFirstAndTodayIsWhatItAddedToTheMonth() {
        UsageReport report = UsageReport.of(
                List.of(
                        entry(EARLIER, "team-a", "ImportDatabaseBetweenInstances", 95, 90),
                        entry(TODAY, "team-a", "ImportDatabaseBetweenInstances", 10, 10),
                        entry(TODAY, "team-b", "CancelImport", 10, 10)),
                TODAY,
                FREE,
                PRICES);

        Usage month = report.month().classes().get(BillingClass.MIGRATE);
        assertThat(month.requests()).isEqualTo(115);
        assertThat(month.free()).isEqualTo(100);
        assertThat(month.billable()).isEqualTo(15);
        assertThat(month.estimatedCostCny()).isEqualByComparingTo("0.70"); // 10 × 0.05 + 5 × 0.04
        assertThat(month.taskCreations()).isEqualTo(100);

        Usage today = report.day().classes().get(BillingClass.MIGRATE);
        assertThat(today.requests()).isEqualTo(20);
        assertThat(today.free()).as("the 5 left of the free tier").isEqualTo(5);
        assertThat(today.billable()).isEqualTo(15);
        assertThat(today.estimatedCostCny()).isEqualByComparingTo("0.70");
        assertThat(today.taskCreations()).isEqualTo(10);
        assertThat(report.day().total()).isEqualTo(today);
        assertThat(report.monthStart()).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void freeRequestsAndCostAreSharedOutInProportionAndAddUp() {
        UsageReport report = UsageReport.of(
                List.of(
                        entry(TODAY, "team-a", "DescribeCloudMigrationResult", 101, 101),
                        entry(TODAY, "team-b", "DescribeCloudMigrationResult", 50, 50),
                        entry(TODAY, "team-b", "DescribeCloudMigrationPrecheckResult", 50, 50),
                        entry(TODAY, "team-c", "CreateCloudMigrationPrecheckTask", 3, 3)),
                TODAY,
                FREE,
                PRICES);

        Usage queries = report.month().classes().get(BillingClass.QUERY);
        assertThat(queries.free()).isEqualTo(100);
        assertThat(queries.billable()).isEqualTo(101);
        Usage teamA = report.month().teams().get("team-a");
        Usage teamB = report.month().teams().get("team-b");
        assertThat(teamA.free() + teamB.free()).isEqualTo(100);
        assertThat(teamA.free()).isEqualTo(50); // 100 × 101/201 = 50.2
        assertThat(teamB.free()).isEqualTo(50); // 100 × 100/201 = 49.8, the larger remainder
        assertThat(teamA.estimatedCostCny()).isEqualByComparingTo("0.51");
        assertThat(teamB.estimatedCostCny()).isEqualByComparingTo("0.50");

        Usage teamC = report.month().teams().get("team-c");
        assertThat(teamC.free()).as("no free tier for assessments").isZero();
        assertThat(teamC.estimatedCostCny()).isEqualByComparingTo("0.30");
        assertThat(teamC.taskCreations()).isEqualTo(3);
        assertThat(report.month().total().estimatedCostCny()).isEqualByComparingTo("1.31");
        assertThat(report.month().actions().get("DescribeCloudMigrationResult").requests())
                .isEqualTo(151);
    }

    @Test
    void tiersMustRiseAndOnlyTheLastIsOpen() {
        BigDecimal price = BigDecimal.ONE;
        assertThatThrownBy(() -> QuotaProperties.PriceTier.checked(
                        "migrate",
                        List.of(new QuotaProperties.PriceTier(100L, price), new QuotaProperties.PriceTier(50L, price)),
                        List.of()))
                .hasMessageContaining("gateway.quota.pricing.migrate");
        assertThatThrownBy(() -> QuotaProperties.PriceTier.checked(
                        "query",
                        List.of(new QuotaProperties.PriceTier(null, price), new QuotaProperties.PriceTier(5L, price)),
                        List.of()))
                .hasMessageContaining("gateway.quota.pricing.query");
        assertThat(QuotaProperties.PriceTier.checked("query", List.of(), QuotaProperties.PriceTier.of(1, "1", "2")))
                .as("no tiers configured: the defaults")
                .hasSize(2);
    }
}
