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
@Tag(
        name = "Quota",
        description = "How much of its share of the cloud account's upstream quota your team has used today and this"
                + " month; the whole account's usage for administrators.")
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
            summary = "Your team's upstream usage and shares; the whole cloud account's for administrators",
            description = "A team sees its own figures only: its task creations today against its share of the"
                    + " account's daily task limit (`gateway.teams.<team>.daily-task-share`, else"
                    + " `gateway.quota.default-daily-task-share`), its requests and their estimated cost, and its"
                    + " monthly budget. Administrators also see the account's identity, limits and usage by action,"
                    + " billing class and team. Counts every request sent upstream (retries and failures included: the upstream bills them)"
                    + " by action, billing class and team; splits them into free (the month's free tier per class,"
                    + " `gateway.quota.free-requests-per-month`) and billable, priced by the tiers of"
                    + " `gateway.quota.pricing`. Within a class, free requests and cost are shared out to actions and"
                    + " teams in proportion to their requests. Today's task creations are counted against the daily"
                    + " limit. Days and months are those of `gateway.quota.zone`.")
    QuotaResponse get(@AuthenticationPrincipal Caller caller) {
        UsageReport report = usage.now();
        UsageReport.Period day = report.day();
        UsageReport.Period month = report.month();
        String team = caller.team();
        QuotaResponse.TeamQuota own = new QuotaResponse.TeamQuota(
                team,
                report.today(),
                daily.admittedOn(report.today(), team),
                daily.teamLimit(team),
                daily.shareOf(team),
                day.teams().getOrDefault(team, Usage.NONE),
                month.teams().getOrDefault(team, Usage.NONE));
        QuotaResponse.TeamBudget budget = teamBudget(team, report.monthStart());
        if (!caller.admin()) {
            return new QuotaResponse(null, own, null, null, null, budget);
        }
        RdsProperties.RateLimits limits = rds.rateLimits();
        return new QuotaResponse(
                account.id(),
                own,
                new QuotaResponse.Day(
                        report.today(),
                        requests(day),
                        daily.admittedOn(report.today()),
                        properties.dailyTaskLimit(),
                        day.total(),
                        day.classes(),
                        day.actions(),
                        day.teams()),
                new QuotaResponse.Month(
                        report.monthStart(),
                        requests(month),
                        month.total(),
                        month.classes(),
                        month.actions(),
                        month.teams()),
                new QuotaResponse.RateLimits(limits.readsPerSecond(), limits.writesPerSecond()),
                budget);
    }

    private static Map<String, Long> requests(UsageReport.Period period) {
        Map<String, Long> requests = new TreeMap<>();
        period.actions().forEach((action, used) -> requests.put(action, used.requests()));
        return requests;
    }

    private QuotaResponse.@Nullable TeamBudget teamBudget(String team, LocalDate month) {
        Long budget = budgets.budgetOf(team);
        return budget == null ? null : new QuotaResponse.TeamBudget(team, budgets.usedIn(team, month), budget);
    }
}
