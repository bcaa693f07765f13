package com.rdsmigration.gateway.quota;

import com.rdsmigration.gateway.rds.RdsException;
import com.rdsmigration.gateway.rds.UpstreamAttemptListener;
import com.rdsmigration.gateway.rds.wire.RdsResponse;
import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.system.StatementPipeline;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts every upstream attempt, answered or not (the upstream bills the request whatever happens to it), in {@code
 * upstream_usage}: per cloud account, day, team and action. The database applies each raise atomically, so replicas
 * sharing a count never lose one.
 */
@Component
class UsageCounters implements UpstreamAttemptListener {

    static final String SYSTEM = "system";

    private static final Logger log = LoggerFactory.getLogger(UsageCounters.class);

    private final JdbcClient jdbc;
    private final StatementPipeline statements;
    private final CloudAccount account;
    private final QuotaProperties properties;
    private final Clock clock;

    UsageCounters(
            JdbcClient jdbc,
            StatementPipeline statements,
            CloudAccount account,
            QuotaProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.account = account;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Counts the attempt once it has ended, in the transaction that records its end: for a call's last attempt the
     * one that also records the answer, where this count, on a row every call of the team and action shares, comes
     * last. An attempt whose process died on its way is not counted; its audit event says it was sent.
     */
    @Override
    public Outcome sending(String action, int attempt, Map<String, String> parameters) {
        Key key = new Key(
                account.id(),
                LocalDate.ofInstant(clock.instant(), properties.zone()),
                Caller.current().map(Caller::team).orElse(SYSTEM),
                action);
        int call = attempt == 1 ? 1 : 0;
        return new Outcome() {
            @Override
            public void succeeded(int httpStatus, RdsResponse answer, Duration took) {
                counted(key, call, attempt);
            }

            @Override
            public void failed(RdsException failure, Duration took) {
                counted(key, call, attempt);
            }
        };
    }

    private void counted(Key key, int call, int attempt) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            count(key, call); // in the client's transaction, which a failure here fails
            return;
        }
        try {
            count(key, call);
        } catch (DataAccessException e) {
            log.warn(
                    "Upstream usage not counted ({}): {} attempt {} for {}",
                    e.getClass().getSimpleName(),
                    key.action(),
                    attempt,
                    key);
        }
    }

    private record Key(String account, LocalDate day, String team, String action) {}

    /**
     * Raises the count, in PostgreSQL by one upsert that waits with the transaction's later statements (it is read by
     * no one here, and its row, shared by every call of the team and action, is locked last). Elsewhere (the embedded
     * H2 default) the row is made first when this is the first attempt of its kind today; another replica may make it
     * at the same moment, with no error either way.
     */
    private void count(Key key, int call) {
        if (statements.inPostgres()) {
            statements
                    .sql("insert into upstream_usage as u (account, usage_day, team, action, requests, calls)"
                            + " values (:account, :day, :team, :action, 1, :call)"
                            + " on conflict (account, usage_day, team, action)"
                            + " do update set requests = u.requests + 1, calls = u.calls + :call")
                    .param("account", key.account())
                    .param("day", key.day())
                    .param("team", key.team())
                    .param("action", key.action())
                    .param("call", call)
                    .later();
            return;
        }
        jdbc.sql("insert into upstream_usage (account, usage_day, team, action, requests, calls) values (:account,"
                        + " :day, :team, :action, 0, 0) on conflict do nothing")
                .param("account", key.account())
                .param("day", key.day())
                .param("team", key.team())
                .param("action", key.action())
                .update();
        jdbc.sql("update upstream_usage set requests = requests + 1, calls = calls + :call where account = :account"
                        + " and usage_day = :day and team = :team and action = :action")
                .param("call", call)
                .param("account", key.account())
                .param("day", key.day())
                .param("team", key.team())
                .param("action", key.action())
                .update();
    }
}
