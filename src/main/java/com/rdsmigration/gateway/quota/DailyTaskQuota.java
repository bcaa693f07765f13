package com.rdsmigration.gateway.quota;

import com.rdsmigration.gateway.rds.UpstreamAdmission;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.security.TeamSettings;
import com.rdsmigration.gateway.security.Teams;
import com.rdsmigration.gateway.system.StatementPipeline;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The upstream's daily task limit per cloud account ({@code gateway.quota.daily-task-limit}) and each team's share of
 * it ({@code gateway.teams.<team>.daily-task-share}), enforced before a create is sent. Both counts live in the shared
 * database; a create raises its team's, then the account's, each by a conditional UPDATE that PostgreSQL runs one at a
 * time per row, so replicas together never admit more than either limit, and one team's burst can take no more than
 * its share.
 */
@Component
class DailyTaskQuota {

    private final JdbcClient jdbc;
    private final StatementPipeline statements;
    private final CloudAccount account;
    private final QuotaProperties properties;
    private final Teams teams;
    private final Clock clock;

    DailyTaskQuota(
            JdbcClient jdbc,
            StatementPipeline statements,
            CloudAccount account,
            QuotaProperties properties,
            Teams teams,
            Clock clock) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.account = account;
        this.properties = properties;
        this.teams = teams;
        this.clock = clock;
    }

    /** Whether a create was admitted, which count stopped it, or whether a count was missing (try again). */
    private enum Taken {
        ADMITTED,
        TEAM_FULL,
        ACCOUNT_FULL,
        NOT_COUNTED
    }

    Optional<UpstreamAdmission.Refused> admit(String action) {
        if (!RdsActions.TASK_CREATIONS.contains(action)) {
            return Optional.empty();
        }
        ZonedDateTime now = clock.instant().atZone(properties.zone());
        LocalDate day = now.toLocalDate();
        @Nullable String team = Caller.current().map(Caller::team).orElse(null);
        Taken taken = take(day, team);
        for (int tries = 1; taken == Taken.NOT_COUNTED && tries < 3; tries++) {
            createRows(day, team); // the day's first create (of the account or of the team), maybe on two replicas
            taken = take(day, team);
        }
        Duration untilTomorrow = Duration.between(now, day.plusDays(1).atStartOfDay(properties.zone()));
        return switch (taken) {
            case ADMITTED -> Optional.empty();
            case TEAM_FULL ->
                Optional.of(new UpstreamAdmission.Refused(
                        "team " + team + " has used its share of the daily task limit: " + teamLimit(team) + " task"
                                + " creations a day (" + shareOf(team) + " of the account's "
                                + properties.dailyTaskLimit() + "); it resets at midnight " + properties.zone(),
                        untilTomorrow));
            case ACCOUNT_FULL, NOT_COUNTED ->
                Optional.of(new UpstreamAdmission.Refused(
                        "the daily limit of " + properties.dailyTaskLimit() + " task creations for the cloud account"
                                + " is reached; it resets at midnight " + properties.zone(),
                        untilTomorrow));
        };
    }

    /** The share of the daily limit that {@code team} may take. */
    double shareOf(String team) {
        return teams.of(team).map(TeamSettings::dailyTaskShare).orElse(properties.defaultDailyTaskShare());
    }

    /** The task creations a day that {@code team} may make: its share of the account's limit, rounded down. */
    int teamLimit(String team) {
        return (int) Math.floor(shareOf(team) * properties.dailyTaskLimit() + 1e-9);
    }

    /** Task creations admitted on {@code day} for the whole account. */
    int admittedOn(LocalDate day) {
        return jdbc.sql("select admitted from daily_task_quota where account = :account and quota_day = :day")
                .param("account", account.id())
                .param("day", day)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Task creations admitted on {@code day} for {@code team}. */
    int admittedOn(LocalDate day, String team) {
        return jdbc.sql("select admitted from team_daily_task_quota"
                        + " where account = :account and team = :team and quota_day = :day")
                .param("account", account.id())
                .param("team", team)
                .param("day", day)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /**
     * The team's place, then the account's, each one auto-committed statement. A create the account refuses gives its
     * team's place back: the account's count never falls within a day, so until then that place could only have gone
     * to a create the account refuses too, and a replica that dies in between leaves its team one place short, never
     * one over.
     */
    private Taken take(LocalDate day, @Nullable String team) {
        // A count that is not full after a failed raise is one another create has just made: try again.
        if (team != null && !raiseTeam(day, team)) {
            return admittedOn(day, team) >= teamLimit(team) ? Taken.TEAM_FULL : Taken.NOT_COUNTED;
        }
        if (!raiseAccount(day)) {
            if (team != null) {
                lowerTeam(day, team);
            }
            return admittedOn(day) >= properties.dailyTaskLimit() ? Taken.ACCOUNT_FULL : Taken.NOT_COUNTED;
        }
        return Taken.ADMITTED;
    }

    private void lowerTeam(LocalDate day, String team) {
        jdbc.sql("update team_daily_task_quota set admitted = admitted - 1"
                        + " where account = :account and team = :team and quota_day = :day and admitted > 0")
                .param("account", account.id())
                .param("team", team)
                .param("day", day)
                .update();
    }

    private boolean raiseTeam(LocalDate day, String team) {
        return statements
                        .sql("update team_daily_task_quota set admitted = admitted + 1"
                                + " where account = :account and team = :team and quota_day = :day"
                                + " and admitted < :limit")
                        .param("account", account.id())
                        .param("team", team)
                        .param("day", day)
                        .param("limit", teamLimit(team))
                        .update()
                == 1;
    }

    private boolean raiseAccount(LocalDate day) {
        return statements
                        .sql("update daily_task_quota set admitted = admitted + 1"
                                + " where account = :account and quota_day = :day and admitted < :limit")
                        .param("account", account.id())
                        .param("day", day)
                        .param("limit", properties.dailyTaskLimit())
                        .update()
                == 1;
    }

    /**
     * Creates the day's rows that are missing. Another replica may have just created one, which is fine, and no error
     * either way: in PostgreSQL one would end the transaction the admission is part of.
     */
    private void createRows(LocalDate day, @Nullable String team) {
        jdbc.sql("insert into daily_task_quota (account, quota_day, admitted) values (:account, :day, 0)"
                        + " on conflict do nothing")
                .param("account", account.id())
                .param("day", day)
                .update();
        if (team != null) {
            jdbc.sql("insert into team_daily_task_quota (account, team, quota_day, admitted)"
                            + " values (:account, :team, :day, 0) on conflict do nothing")
                    .param("account", account.id())
                    .param("team", team)
                    .param("day", day)
                    .update();
        }
    }
}
