package com.rdsmigration.gateway.quota;

import java.math.BigDecimal;
import java.util.List;

/** What billable requests cost: each request at the price of the tier its place in the month falls in. */
final class PriceList {

    private PriceList() {}

    /** The cost in CNY of the month's first {@code billable} billable requests, over {@code tiers}. */
    static BigDecimal cost(List<QuotaProperties.PriceTier> tiers, long billable) {
        BigDecimal cost = BigDecimal.ZERO;
        long counted = 0;
        for (QuotaProperties.PriceTier tier : tiers) {
            if (counted >= billable) {
                break;
            }
            long end = tier.upTo() == null ? billable : Math.min(billable, tier.upTo());
            cost = cost.add(tier.priceCny().multiply(BigDecimal.valueOf(end - counted)));
            counted = end;
        }
        return cost;
    }
}
