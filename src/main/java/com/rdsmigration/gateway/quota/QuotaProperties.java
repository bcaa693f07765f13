package com.rdsmigration.gateway.quota;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Quotas ({@code gateway.quota.*}).
 *
 * @param account the cloud account the counters belong to (by default the configured AccessKeyId)
 * @param dailyTaskLimit upstream task creations (imports, prechecks, migrations) a day for the account, all replicas
 *     together
 * @param zone where the upstream's day begins and ends
 * @param teams optional budgets per team, by team name
 * @param freeRequestsPerMonth the upstream's free tier: requests a month of each billing class that cost nothing
 */
@Validated
@ConfigurationProperties("gateway.quota")
record QuotaProperties(
        @NotBlank @DefaultValue("default") String account,
        @PositiveOrZero @DefaultValue("1000") int dailyTaskLimit,
        @NotNull @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue Map<String, @Valid Team> teams,
        @Valid @DefaultValue FreeTier freeRequestsPerMonth) {

    /** Free requests a month per billing class: none for assessment creation, 100 for migrate and for query calls. */
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
     * A team's budget.
     *
     * @param monthlyRequests upstream calls a month the team may make (each call counts once, its retries with it)
     */
    record Team(@Positive long monthlyRequests) {}
}
