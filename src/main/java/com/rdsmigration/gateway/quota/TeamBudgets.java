package com.rdsmigration.gateway.quota;

import com.rdsmigration.gateway.rds.UpstreamAdmission;
import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.security.TeamSettings;
import com.rdsmigration.gateway.security.Teams;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Monthly budgets of upstream calls for the teams that have one ({@code gateway.teams.<team>.monthly-requests}),
 * enforced before a call goes upstream: a team over its budget gets 429 until the first of next month. Teams without a
 * budget, and the gateway's own background calls, cost nothing here.
 */
@Component
class TeamBudgets {

    private final JdbcClient jdbc;
    private final QuotaProperties properties;
    private final Teams teams;
    private final Clock clock;

    TeamBudgets(JdbcClient jdbc, QuotaProperties properties, Teams teams, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.teams = teams;
        this.clock = clock;
    }

    /** Takes one call of the team's budget; throws {@link UpstreamAdmission.NotAdmitted} when none is left. */
    void admit() {
        String team = Caller.current().map(Caller::team).orElse(null);
        Long budget = team == null ? null : budgetOf(team);
        if (budget == null) {
            return;
        }
        ZonedDateTime now = clock.instant().atZone(properties.zone());
        LocalDate month = now.toLocalDate().withDayOfMonth(1);
        boolean admitted = takeOne(team, month, budget);
        if (!admitted && createRow(team, month, budget)) {
            admitted = takeOne(team, month, budget);
        }
        if (!admitted) {
            throw new UpstreamAdmission.NotAdmitted(new UpstreamAdmission.Refused(
                    "team " + team + " has used its budget of " + budget
                            + " upstream calls this month; it resets on the first of next month",
                    Duration.between(now, month.plusMonths(1).atStartOfDay(properties.zone()))));
        }
    }

    /** The team's budget of upstream calls a month; none when it has no budget. */
    @Nullable
    Long budgetOf(String team) {
        return teams.of(team).map(TeamSettings::monthlyRequests).orElse(null);
    }

    /** Upstream calls {@code team} made in the month that starts on {@code month}. */
    long usedIn(String team, LocalDate month) {
        return jdbc.sql("select used from team_budget_usage where team = :team and quota_month = :month")
                .param("team", team)
                .param("month", month)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    private boolean takeOne(String team, LocalDate month, long budget) {
        return jdbc.sql("update team_budget_usage set used = used + 1"
                                + " where team = :team and quota_month = :month and used < :budget")
                        .param("team", team)
                        .param("month", month)
                        .param("budget", budget)
                        .update()
                == 1;
    }

    /**
     * Creates the month's row; whether taking one may succeed now. Another replica may have created it first: no
     * error then, which in PostgreSQL would end the transaction the admission is part of.
     */
    private boolean createRow(String team, LocalDate month, long budget) {
        int created = jdbc.sql("insert into team_budget_usage (team, quota_month, used) values (:team, :month, 0)"
                        + " on conflict do nothing")
                .param("team", team)
                .param("month", month)
                .update();
        return created == 1 || usedIn(team, month) < budget;
    }
}
