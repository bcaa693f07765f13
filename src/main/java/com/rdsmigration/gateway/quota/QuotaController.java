package com.rdsmigration.gateway.quota;

import com.rdsmigration.gateway.audit.AuditStatistics;
import com.rdsmigration.gateway.rds.RdsProperties;
import com.rdsmigration.gateway.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/quota")
@Tag(name = "Quota", description = "How much of the cloud account's upstream quota today and this month have used.")
class QuotaController {

    private final DailyTaskQuota daily;
    private final TeamBudgets budgets;
    private final MonthlyUsage monthly;
    private final AuditStatistics audit;
    private final QuotaProperties properties;
    private final RdsProperties rds;
    private final Clock clock;

    QuotaController(
            DailyTaskQuota daily,
            TeamBudgets budgets,
            MonthlyUsage monthly,
            AuditStatistics audit,
            QuotaProperties properties,
            RdsProperties rds,
            Clock clock) {
        this.daily = daily;
        this.budgets = budgets;
        this.monthly = monthly;
        this.audit = audit;
        this.properties = properties;
        this.rds = rds;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            operationId = "getQuota",
            summary = "Upstream usage of the cloud account: today, this month, and the limits",
            description = "Counts every request sent upstream (retries and failures included: the upstream bills them)"
                    + " by action, and today's task creations against the daily limit. Days and months are those of"
                    + " `gateway.quota.zone`.")
    QuotaResponse get(@AuthenticationPrincipal Caller caller) {
        ZonedDateTime now = clock.instant().atZone(properties.zone());
        LocalDate today = now.toLocalDate();
        ZonedDateTime dayStart = today.atStartOfDay(properties.zone());
        ZonedDateTime monthStart = today.withDayOfMonth(1).atStartOfDay(properties.zone());
        ZonedDateTime end = now.plus(Duration.ofNanos(1));
        RdsProperties.RateLimits limits = rds.rateLimits();
        return new QuotaResponse(
                properties.account(),
                new QuotaResponse.Day(
                        today,
                        audit.requestsPerAction(dayStart.toInstant(), end.toInstant()),
                        daily.admittedOn(today),
                        properties.dailyTaskLimit()),
                month(monthly.now()),
                new QuotaResponse.RateLimits(limits.readsPerSecond(), limits.writesPerSecond()),
                teamBudget(caller.team(), monthStart.toLocalDate()),
                perTeam(caller, monthStart, end));
    }

    /** This month's upstream requests per team: every team's for administrators, a team's own for a team. */
    private Map<String, Long> perTeam(Caller caller, ZonedDateTime monthStart, ZonedDateTime end) {
        Map<String, Long> all = audit.requestsPerTeam(monthStart.toInstant(), end.toInstant());
        return caller.admin() ? all : Map.of(caller.team(), all.getOrDefault(caller.team(), 0L));
    }

    private static QuotaResponse.Month month(MonthlyUsage.Snapshot usage) {
        Map<BillingClass, QuotaResponse.ClassUsage> classes = new EnumMap<>(BillingClass.class);
        usage.classes()
                .forEach((billingClass, counts) -> classes.put(
                        billingClass,
                        new QuotaResponse.ClassUsage(counts.requests(), counts.free(), counts.billable())));
        return new QuotaResponse.Month(usage.month(), usage.requestsPerAction(), classes);
    }

    private QuotaResponse.@Nullable TeamBudget teamBudget(String team, LocalDate month) {
        QuotaProperties.Team budget = properties.teams().get(team);
        return budget == null
                ? null
                : new QuotaResponse.TeamBudget(team, budgets.usedIn(team, month), budget.monthlyRequests());
    }

    /** The account's usage and limits. */
    record QuotaResponse(
            @Schema(description = "The cloud account (its AccessKeyId, or as configured).", example = "LTAI5tExample")
            String account,

            Day today,
            Month month,
            RateLimits rateLimits,

            @Schema(description = "Your team's monthly budget, when it has one.") @Nullable
            TeamBudget teamBudget,

            @Schema(description = "Upstream requests this month per team: yours, or every team's for administrators.")
            Map<String, Long> monthRequestsPerTeam) {

        record TeamBudget(
                @Schema(example = "team-a") String team,

                @Schema(description = "Upstream calls this month.", example = "412")
                long used,

                @Schema(example = "5000") long monthlyRequests) {}

        record Day(
                @Schema(example = "2026-11-25") LocalDate date,

                @Schema(description = "Upstream requests per action today.")
                Map<String, Long> requests,

                @Schema(description = "Tasks created today (imports, prechecks, migrations).", example = "12")
                int taskCreations,

                @Schema(example = "1000") int dailyTaskLimit) {}

        record Month(
                @Schema(example = "2026-11-01") LocalDate start,

                @Schema(description = "Upstream requests per action this month.")
                Map<String, Long> requests,

                @Schema(description = "Per billing class (ASSESSMENT, MIGRATE, QUERY): requests, free, billable.")
                Map<BillingClass, ClassUsage> classes) {}

        record ClassUsage(
                @Schema(example = "140") long requests,

                @Schema(description = "Within the free tier.", example = "100")
                long free,

                @Schema(description = "Billed, failures included.", example = "40")
                long billable) {}

        record RateLimits(
                @Schema(example = "100") double readsPerSecond,
                @Schema(example = "10") double writesPerSecond) {}
    }
}
