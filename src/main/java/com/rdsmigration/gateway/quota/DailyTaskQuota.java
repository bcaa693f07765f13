package com.rdsmigration.gateway.quota;

import com.rdsmigration.gateway.rds.UpstreamAdmission;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The upstream's daily task limit per cloud account ({@code gateway.quota.daily-task-limit}), enforced before a create
 * is sent. The count lives in the shared database and is raised by one conditional UPDATE, which PostgreSQL runs one
 * at a time per row: two or ten replicas together never admit more than the limit.
 */
@Component
class DailyTaskQuota {

    private final JdbcClient jdbc;
    private final CloudAccount account;
    private final QuotaProperties properties;
    private final Clock clock;

    DailyTaskQuota(JdbcClient jdbc, CloudAccount account, QuotaProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.account = account;
        this.properties = properties;
        this.clock = clock;
    }

    Optional<UpstreamAdmission.Refused> admit(String action) {
        if (!RdsActions.TASK_CREATIONS.contains(action)) {
            return Optional.empty();
        }
        ZonedDateTime now = clock.instant().atZone(properties.zone());
        LocalDate day = now.toLocalDate();
        boolean admitted = takeOne(day);
        if (!admitted && createRow(day)) {
            admitted = takeOne(day); // the day's first create: its row did not exist yet
        }
        if (admitted) {
            return Optional.empty();
        }
        Duration untilTomorrow = Duration.between(now, day.plusDays(1).atStartOfDay(properties.zone()));
        return Optional.of(new UpstreamAdmission.Refused(
                "the daily limit of " + properties.dailyTaskLimit() + " task creations for the cloud account is"
                        + " reached; it resets at midnight " + properties.zone(),
                untilTomorrow));
    }

    /** Task creations admitted on {@code day}. */
    int admittedOn(LocalDate day) {
        return jdbc.sql("select admitted from daily_task_quota where account = :account and quota_day = :day")
                .param("account", account.id())
                .param("day", day)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** One statement in the common case: raises the day's count if it is under the limit. */
    private boolean takeOne(LocalDate day) {
        return jdbc.sql("update daily_task_quota set admitted = admitted + 1"
                                + " where account = :account and quota_day = :day and admitted < :limit")
                        .param("account", account.id())
                        .param("day", day)
                        .param("limit", properties.dailyTaskLimit())
                        .update()
                == 1;
    }

    /** Creates the day's row; answers whether it was missing (another replica may have just created it: also fine). */
    private boolean createRow(LocalDate day) {
        try {
            jdbc.sql("insert into daily_task_quota (account, quota_day, admitted) values (:account, :day, 0)")
                    .param("account", account.id())
                    .param("day", day)
                    .update();
            return true;
        } catch (DuplicateKeyException anotherReplicaWasFirst) {
            return admittedOn(day) < properties.dailyTaskLimit();
        }
    }
}
