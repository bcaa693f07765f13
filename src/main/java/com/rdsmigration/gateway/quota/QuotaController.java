package com.rdsmigration.gateway.quota;

import com.rdsmigration.gateway.rds.RdsProperties;
import com.rdsmigration.gateway.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/quota", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Quota", description = "How much of the cloud account's upstream quota today and this month have used.")
class QuotaController {

    private final AccountUsage usage;
    private final CloudAccount account;
    private final DailyTaskQuota daily;
    private final TeamBudgets budgets;
    private final QuotaProperties properties;
    private final RdsProperties rds;

    QuotaController(
            AccountUsage usage,
            CloudAccount account,
            DailyTaskQuota daily,
            TeamBudgets budgets,
            QuotaProperties properties,
            RdsProperties rds) {
        this.usage = usage;
        this.account = account;
        this.daily = daily;
        this.budgets = budgets;
        this.properties = properties;
        this.rds = rds;
    }

    @GetMapping
    @Operation(
            operationId = "getQuota",
            summary = "Upstream usage of the cloud account: today, this month, the estimated cost, and the limits",
            description = "Counts every request sent upstream (retries and failures included: the upstream bills them)"
                    + " by action, billing class and team; splits them into free (the month's free tier per class,"
                    + " `gateway.quota.free-requests-per-month`) and billable, priced by the tiers of"
                    + " `gateway.quota.pricing`. Within a class, free requests and cost are shared out to actions and"
                    + " teams in proportion to their requests. Today's task creations are counted against the daily"
                    + " limit. Days and months are those of `gateway.quota.zone`.")
    QuotaResponse get(@AuthenticationPrincipal Caller caller) {
        UsageReport report = usage.now();
        UsageReport.Period day = report.day();
        UsageReport.Period month = report.month();
        RdsProperties.RateLimits limits = rds.rateLimits();
        return new QuotaResponse(
                account.id(),
                new QuotaResponse.Day(
                        report.today(),
                        requests(day),
                        daily.admittedOn(report.today()),
                        properties.dailyTaskLimit(),
                        day.total(),
                        day.classes(),
                        day.actions(),
                        visibleTeams(caller, day)),
                new QuotaResponse.Month(
                        report.monthStart(),
                        requests(month),
                        month.total(),
                        month.classes(),
                        month.actions(),
                        visibleTeams(caller, month)),
                new QuotaResponse.RateLimits(limits.readsPerSecond(), limits.writesPerSecond()),
                teamBudget(caller.team(), report.monthStart()));
    }

    private static Map<String, Long> requests(UsageReport.Period period) {
        Map<String, Long> requests = new TreeMap<>();
        period.actions().forEach((action, used) -> requests.put(action, used.requests()));
        return requests;
    }

    /** Every team's usage for administrators; a team's own for a team. */
    private static Map<String, Usage> visibleTeams(Caller caller, UsageReport.Period period) {
        return caller.admin()
                ? period.teams()
                : Map.of(caller.team(), period.teams().getOrDefault(caller.team(), Usage.NONE));
    }

    private QuotaResponse.@Nullable TeamBudget teamBudget(String team, LocalDate month) {
        QuotaProperties.Team budget = properties.teams().get(team);
        return budget == null
                ? null
                : new QuotaResponse.TeamBudget(team, budgets.usedIn(team, month), budget.monthlyRequests());
    }
}
