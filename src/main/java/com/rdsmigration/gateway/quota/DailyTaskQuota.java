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
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The upstream's daily task limit per cloud account ({@code gateway.quota.daily-task-limit}) and each team's share of
 * it ({@code gateway.teams.<team>.daily-task-share}), enforced before a create is sent. Both counts live in the shared
 * database; a create raises its team's, then the account's, each by one statement that the database applies one at a
 * time per row and refuses past the row's limit (a check constraint, {@code V18}), so replicas together never admit
 * more than either limit, and one team's burst can take no more than its share. Both raises are part of the
 * transaction that records the create, which a refusal rolls back.
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

    /**
     * Takes the create's place under its team's share, then under the account's limit, in the transaction that
     * records the call. The statements wait for that transaction's last round trip, which carries the commit, so the
     * shared rows stay locked only while the database finishes it; a count that is full is the database's refusal,
     * answered {@link UpstreamAdmission.NotAdmitted}, and the transaction rolls back, places and all.
     */
    void admit(String action) {
        if (!RdsActions.TASK_CREATIONS.contains(action)) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a create's places are taken in the transaction that records it");
        }
        ZonedDateTime now = clock.instant().atZone(properties.zone());
        LocalDate day = now.toLocalDate();
        Duration untilTomorrow = Duration.between(now, day.plusDays(1).atStartOfDay(properties.zone()));
        @Nullable String team = Caller.current().map(Caller::team).orElse(null);
        Counts counts = statements.inPostgres() ? Counts.UPSERTED : Counts.PORTABLE;
        if (team != null) {
            raise(counts.team(), day, team, teamLimit(team), () -> teamFull(team, untilTomorrow));
        }
        raise(counts.account(), day, team, properties.dailyTaskLimit(), () -> accountFull(untilTomorrow));
    }

    private UpstreamAdmission.Refused teamFull(String team, Duration untilTomorrow) {
        return new UpstreamAdmission.Refused(
                "team " + team + " has used its share of the daily task limit: " + teamLimit(team) + " task"
                        + " creations a day (" + shareOf(team) + " of the account's " + properties.dailyTaskLimit()
                        + "); it resets at midnight " + properties.zone(),
                untilTomorrow);
    }

    private UpstreamAdmission.Refused accountFull(Duration untilTomorrow) {
        return new UpstreamAdmission.Refused(
                "the daily limit of " + properties.dailyTaskLimit() + " task creations for the cloud account"
                        + " is reached; it resets at midnight " + properties.zone(),
                untilTomorrow);
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
     * One count's raise. The row keeps the limit beside the count and the database refuses a raise past it
     * ({@code V18}), which stops the transaction's round trip before anything is kept and is answered as a
     * refusal. The team's count is raised before the account's by every create, so two creates never wait for each
     * other's rows.
     */
    private void raise(
            Count count, LocalDate day, @Nullable String team, int limit, Supplier<UpstreamAdmission.Refused> full) {
        if (count.createRow() != null) { // the day's first create makes the row, maybe on two replicas at once
            statements
                    .sql(count.createRow())
                    .param("account", account.id())
                    .param("team", team)
                    .param("day", day)
                    .param("limit", limit)
                    .later();
        }
        statements
                .sql(count.raise())
                .param("account", account.id())
                .param("team", team)
                .param("day", day)
                .param("limit", limit)
                .onFailure(failed -> StatementPipeline.violates(failed, count.constraint())
                        ? new UpstreamAdmission.NotAdmitted(full.get())
                        : null)
                .later();
    }

    /**
     * How a count is raised: in PostgreSQL one upsert, which makes the day's row or raises it and so waits at most once
     * for a row another create has locked; elsewhere (the embedded H2 default) the row is made first when missing,
     * with no error when another create made it a moment before, which in PostgreSQL would end the transaction.
     */
    private record Count(@Nullable String createRow, String raise, String constraint) {}

    private record Counts(Count team, Count account) {

        static final Counts UPSERTED = new Counts(
                new Count(
                        null,
                        "insert into team_daily_task_quota as q (account, team, quota_day, admitted, task_limit)"
                                + " values (:account, :team, :day, 1, :limit) on conflict (account, team, quota_day)"
                                + " do update set admitted = q.admitted + 1, task_limit = :limit",
                        "team_daily_task_quota_within_limit"),
                new Count(
                        null,
                        "insert into daily_task_quota as q (account, quota_day, admitted, task_limit)"
                                + " values (:account, :day, 1, :limit) on conflict (account, quota_day)"
                                + " do update set admitted = q.admitted + 1, task_limit = :limit",
                        "daily_task_quota_within_limit"));

        static final Counts PORTABLE = new Counts(
                new Count(
                        "insert into team_daily_task_quota (account, team, quota_day, admitted, task_limit)"
                                + " values (:account, :team, :day, 0, :limit) on conflict do nothing",
                        "update team_daily_task_quota set admitted = admitted + 1, task_limit = :limit"
                                + " where account = :account and team = :team and quota_day = :day",
                        "team_daily_task_quota_within_limit"),
                new Count(
                        "insert into daily_task_quota (account, quota_day, admitted, task_limit)"
                                + " values (:account, :day, 0, :limit) on conflict do nothing",
                        "update daily_task_quota set admitted = admitted + 1, task_limit = :limit"
                                + " where account = :account and quota_day = :day",
                        "daily_task_quota_within_limit"));
    }
}
