package com.rdsmigration.gateway.quota;

import com.rdsmigration.gateway.system.FieldLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Upstream usage: the caller's team's own (its task creations against its share of the daily limit, its requests and
 * their cost), and for administrators the whole cloud account's, with the account's identity and limits.
 */
record QuotaResponse(
        @Schema(
                description = "Administrators only (else null): the cloud account, gateway.quota.account, else the"
                        + " AccessKeyId (or RAM role account, or bearer token digest) the gateway calls with.",
                example = "LTAI5tExample")
        @Size(max = 128)
        @Nullable
        String account,

        @Schema(description = "Your team's usage and share of the account's limits.")
        TeamQuota team,

        @Schema(description = "Administrators only (else null): the whole account's usage today.") @Nullable
        Day today,

        @Schema(description = "Administrators only (else null): the whole account's usage this month.") @Nullable
        Month month,

        @Schema(description = "Administrators only (else null): the account's upstream rate limits.") @Nullable
        RateLimits rateLimits,

        @Schema(description = "Your team's monthly budget, when it has one.") @Nullable
        TeamBudget teamBudget) {

    record Day(
            @Schema(example = "2026-11-25") LocalDate date,

            @Schema(description = "Upstream requests per action today.")
            Map<String, @Min(0) @Max(Long.MAX_VALUE) Long> requests,

            @Schema(
                    description = "Tasks created today (imports, prechecks, migrations), counted against the limit.",
                    example = "12")
            @Min(0)
            @Max(Integer.MAX_VALUE)
            int taskCreations,

            @Schema(
                    description = "The account's daily task limit (`gateway.quota.daily-task-limit`).",
                    example = "1000")
            @Min(0)
            @Max(Integer.MAX_VALUE)
            int dailyTaskLimit,

            @Schema(description = "Today's requests in all: free, billable and estimated cost.")
            Usage total,

            @Schema(description = "Per billing class (ASSESSMENT, MIGRATE, QUERY).")
            Map<BillingClass, Usage> classes,

            @Schema(description = "Per action.") Map<String, Usage> actions,

            @Schema(
                    description = "Per team: yours, or every team's for administrators (\"system\" is the gateway's"
                            + " own background calls).")
            Map<String, Usage> teams) {}

    record Month(
            @Schema(example = "2026-11-01") LocalDate start,

            @Schema(description = "Upstream requests per action this month.")
            Map<String, @Min(0) @Max(Long.MAX_VALUE) Long> requests,

            @Schema(description = "This month's requests in all: free, billable and estimated cost.")
            Usage total,

            @Schema(
                    description = "Per billing class (ASSESSMENT, MIGRATE, QUERY); the free tier and the price tiers"
                            + " apply per class and month.")
            Map<BillingClass, Usage> classes,

            @Schema(description = "Per action.") Map<String, Usage> actions,

            @Schema(description = "Per team: yours, or every team's for administrators.")
            Map<String, Usage> teams) {}

    record TeamQuota(
            @Schema(example = "team-a") @Size(max = FieldLimits.TEAM)
            String name,

            @Schema(example = "2026-11-25") LocalDate date,

            @Schema(description = "Tasks your team created today.", example = "12") @Min(0) @Max(Integer.MAX_VALUE)
            int taskCreations,

            @Schema(
                    description = "The task creations a day your team may make: its share of the account's daily"
                            + " limit, rounded down.",
                    example = "500")
            @Min(0)
            @Max(Integer.MAX_VALUE)
            int dailyTaskLimit,

            @Schema(description = "Your team's share (0 to 1) of the account's daily task limit.", example = "0.5")
            @DecimalMin("0")
            @DecimalMax("1")
            double dailyTaskShare,

            @Schema(description = "Your team's upstream requests today: free, billable and estimated cost.")
            Usage today,

            @Schema(description = "Your team's upstream requests this month.")
            Usage month) {}

    record TeamBudget(
            @Schema(example = "team-a") @Size(max = FieldLimits.TEAM)
            String team,

            @Schema(description = "Upstream calls this month.", example = "412") @Min(0) @Max(Long.MAX_VALUE)
            long used,

            @Schema(description = "The team's budget (`gateway.teams.<team>.monthly-requests`).", example = "5000")
            @Min(0)
            @Max(Long.MAX_VALUE)
            long monthlyRequests) {}

    record RateLimits(
            @Schema(example = "100") @DecimalMin("0") double readsPerSecond,
            @Schema(example = "10") @DecimalMin("0") double writesPerSecond) {}
}
