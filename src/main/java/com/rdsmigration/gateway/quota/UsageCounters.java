package com.rdsmigration.gateway.quota;

import com.rdsmigration.gateway.rds.UpstreamAttemptListener;
import com.rdsmigration.gateway.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts every upstream attempt as it leaves, in {@code upstream_usage}: per cloud account, day, team and action. The
 * count is raised by one UPDATE in the common case (an INSERT for the first attempt of its kind in a day), which the
 * database applies atomically, so replicas sharing it never lose a count. Counted before the answer is known, like the
 * audit event of the same attempt: the upstream bills the request whatever happens to it.
 */
@Component
class UsageCounters implements UpstreamAttemptListener {

    static final String SYSTEM = "system";

    private static final Logger log = LoggerFactory.getLogger(UsageCounters.class);

    private final JdbcClient jdbc;
    private final CloudAccount account;
    private final QuotaProperties properties;
    private final Clock clock;

    UsageCounters(JdbcClient jdbc, CloudAccount account, QuotaProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.account = account;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Outcome sending(String action, int attempt, Map<String, String> parameters) {
        Key key = new Key(
                account.id(),
                LocalDate.ofInstant(clock.instant(), properties.zone()),
                Caller.current().map(Caller::team).orElse(SYSTEM),
                action);
        int call = attempt == 1 ? 1 : 0;
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            count(key, call); // in the client's transaction, whose failure stops the attempt
            return Outcome.IGNORED;
        }
        try {
            count(key, call);
        } catch (DataAccessException e) {
            log.warn(
                    "Upstream usage not counted ({}): {} attempt {} for {}",
                    e.getClass().getSimpleName(),
                    action,
                    attempt,
                    key);
        }
        return Outcome.IGNORED;
    }

    private record Key(String account, LocalDate day, String team, String action) {}

    private boolean raise(Key key, int call) {
        return jdbc.sql("update upstream_usage set requests = requests + 1, calls = calls + :call where account ="
                                + " :account and usage_day = :day and team = :team and action = :action")
                        .param("call", call)
                        .param("account", key.account())
                        .param("day", key.day())
                        .param("team", key.team())
                        .param("action", key.action())
                        .update()
                == 1;
    }

    /** Raises the count, first creating its row when this is the first attempt of its kind today. */
    private void count(Key key, int call) {
        if (raise(key, call)) {
            return;
        }
        // Another replica may create the row at the same moment: no error either way, which in PostgreSQL would end
        // the transaction the count is part of.
        jdbc.sql("insert into upstream_usage (account, usage_day, team, action, requests, calls) values (:account,"
                        + " :day, :team, :action, 0, 0) on conflict do nothing")
                .param("account", key.account())
                .param("day", key.day())
                .param("team", key.team())
                .param("action", key.action())
                .update();
        raise(key, call);
    }
}
