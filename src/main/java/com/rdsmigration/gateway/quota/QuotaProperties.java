package com.rdsmigration.gateway.quota;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Quotas and prices ({@code gateway.quota.*}).
 *
 * @param account the cloud account the counters belong to; unset, the upstream client's own identity (its AccessKeyId,
 *     the account of its RAM role, or a digest of its bearer token)
 * @param dailyTaskLimit upstream task creations (imports, prechecks, migrations) a day for the account, all replicas
 *     together
 * @param zone where the upstream's day and month begin and end
 * @param defaultDailyTaskShare the fraction of {@code dailyTaskLimit} a team may take in a day, unless its block says
 *     otherwise ({@code gateway.teams.<team>.daily-task-share}): below 1, no team can starve the others
 * @param freeRequestsPerMonth the upstream's free tier: requests a month of each billing class that cost nothing
 * @param pricing the price of each billable request, by billing class and tier
 */
@Validated
@ConfigurationProperties("gateway.quota")
record QuotaProperties(
        @Nullable String account,
        @PositiveOrZero @DefaultValue("1000") int dailyTaskLimit,
        @NotNull @DefaultValue("Asia/Shanghai") ZoneId zone,

        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.5")
        double defaultDailyTaskShare,

        @Valid @DefaultValue FreeTier freeRequestsPerMonth,
        @Valid @DefaultValue Pricing pricing) {

    /**
     * Free requests a month per billing class: none for assessment creation, 100 for migrate and for query calls.
     *
     * @param assessment free assessment (precheck) creations a month
     * @param migrate free migrate calls (creates, cancels, switchovers) a month
     * @param query free query (Describe) calls a month
     */
    record FreeTier(
            @PositiveOrZero @DefaultValue("0") long assessment,
            @PositiveOrZero @DefaultValue("100") long migrate,
            @PositiveOrZero @DefaultValue("100") long query) {

        long of(BillingClass billingClass) {
            return switch (billingClass) {
                case ASSESSMENT -> assessment;
                case MIGRATE -> migrate;
                case QUERY -> query;
            };
        }
    }

    /**
     * Per-request prices in CNY by billing class, each a list of tiers over the month's billable requests (those past
     * the free tier). An empty list keeps the default tiers.
     *
     * @param assessment the price tiers of assessment (precheck) creations
     * @param migrate the price tiers of migrate calls
     * @param query the price tiers of query calls
     */
    record Pricing(
            @DefaultValue List<@Valid PriceTier> assessment,
            @DefaultValue List<@Valid PriceTier> migrate,
            @DefaultValue List<@Valid PriceTier> query) {

        Pricing {
            assessment = PriceTier.checked("assessment", assessment, PriceTier.of(1_000, "0.10", "0.08"));
            migrate = PriceTier.checked("migrate", migrate, PriceTier.of(10_000, "0.05", "0.04"));
            query = PriceTier.checked("query", query, PriceTier.of(100_000, "0.01", "0.008"));
        }

        List<PriceTier> of(BillingClass billingClass) {
            return switch (billingClass) {
                case ASSESSMENT -> assessment;
                case MIGRATE -> migrate;
                case QUERY -> query;
            };
        }
    }

    /**
     * One price tier.
     *
     * @param upTo the month's billable requests this tier reaches, counted from the first; unset on the last tier,
     *     which takes all the rest
     * @param priceCny the price of each request in this tier
     */
    record PriceTier(
            @Nullable @Positive Long upTo,
            @NotNull @PositiveOrZero BigDecimal priceCny) {

        static List<PriceTier> of(long firstUpTo, String firstPrice, String restPrice) {
            return List.of(
                    new PriceTier(firstUpTo, new BigDecimal(firstPrice)),
                    new PriceTier(null, new BigDecimal(restPrice)));
        }

        /** The configured tiers, or the defaults when there are none; each ends above the last, the last is open. */
        static List<PriceTier> checked(String billingClass, List<PriceTier> tiers, List<PriceTier> defaults) {
            if (tiers.isEmpty()) {
                return defaults;
            }
            long previous = 0;
            for (int i = 0; i < tiers.size(); i++) {
                Long upTo = tiers.get(i).upTo();
                boolean last = i == tiers.size() - 1;
                if (last != (upTo == null) || (upTo != null && upTo <= previous)) {
                    throw new IllegalArgumentException("gateway.quota.pricing." + billingClass
                            + ": each tier needs an up-to above the one before, and only the last tier has none");
                }
                previous = upTo == null ? previous : upTo;
            }
            return List.copyOf(tiers);
        }
    }
}
