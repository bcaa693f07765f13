package com.rdsmigration.gateway.audit;

import com.rdsmigration.gateway.logging.CorrelationId;
import com.rdsmigration.gateway.rds.RdsException;
import com.rdsmigration.gateway.rds.TransientRdsException;
import com.rdsmigration.gateway.rds.UpstreamAttemptListener;
import com.rdsmigration.gateway.rds.wire.ActivateMigrationTargetInstanceResponse;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationPrecheckTaskResponse;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationTaskResponse;
import com.rdsmigration.gateway.rds.wire.ImportDatabaseBetweenInstancesResponse;
import com.rdsmigration.gateway.rds.wire.RdsResponse;
import com.rdsmigration.gateway.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records every upstream attempt: a row before it leaves (outcome UNKNOWN), completed when it ends, each in the
 * transaction the client commits then (see {@link UpstreamAttemptListener}). Who sent it is the
 * authenticated caller of the request being served, or {@code system} for the gateway's background jobs; secrets in
 * the parameters are masked before anything is written. When the store cannot be reached the attempt is logged
 * instead (reads may pass while the database is down; mutations never get this far without it).
 */
@Component
class AuditTrail implements UpstreamAttemptListener {

    static final String MASK = "******";
    static final String SYSTEM = "system";

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditStore store;
    private final Clock clock;

    AuditTrail(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Outcome sending(String action, int attempt, Map<String, String> parameters) {
        Caller caller = Caller.current().orElse(null);
        Map<String, String> masked = mask(parameters);
        AuditStore.Started started = new AuditStore.Started(
                UUID.randomUUID(),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                caller == null ? null : caller.team(),
                caller == null ? SYSTEM : caller.principal(),
                action,
                attempt,
                parameters.get("ImportId"),
                number(parameters.get("TaskId")),
                parameters.get("TaskName"),
                CorrelationId.current(),
                masked);
        boolean recorded = write(() -> store.started(started), started, "before it left");
        return new Outcome() {
            @Override
            public void succeeded(int httpStatus, RdsResponse answer, Duration took) {
                end(new AuditStore.Ended(
                        AuditOutcome.SUCCEEDED,
                        httpStatus,
                        null,
                        answer.requestId(),
                        importId(answer),
                        taskId(answer),
                        took.toMillis()));
            }

            @Override
            public void failed(RdsException failure, Duration took) {
                end(new AuditStore.Ended(
                        outcome(failure),
                        failure.httpStatus() == 0 ? null : failure.httpStatus(),
                        failure.code(),
                        failure.requestId(),
                        null,
                        null,
                        took.toMillis()));
            }

            private void end(AuditStore.Ended ended) {
                if (recorded) {
                    write(() -> store.ended(started.id(), ended), started, "after it ended (" + ended.outcome() + ")");
                }
            }
        };
    }

    /** No answer (a timeout, a reset) leaves it unknown whether the upstream acted; any answer settles it. */
    static AuditOutcome outcome(RdsException failure) {
        boolean noAnswer = failure.httpStatus() == 0;
        return noAnswer && failure instanceof TransientRdsException t && t.outcomeUnknown()
                ? AuditOutcome.UNKNOWN
                : AuditOutcome.FAILED;
    }

    /** Every parameter whose name speaks of a password, secret or token is replaced by {@value #MASK}. */
    static Map<String, String> mask(Map<String, String> parameters) {
        Map<String, String> masked = new TreeMap<>();
        parameters.forEach((name, value) -> masked.put(name, isSecret(name) ? MASK : value));
        return masked;
    }

    private static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("token");
    }

    /**
     * Writes in the client's transaction, which a failure here must fail (a mutation never leaves unrecorded); only
     * without one (a read while the store is down) is a failure logged instead, with what the event held.
     */
    private boolean write(Runnable statement, AuditStore.Started attempt, String when) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            statement.run();
            return true;
        }
        try {
            statement.run();
            return true;
        } catch (DataAccessException e) {
            log.warn(
                    "Audit event {} could not be stored {} ({}): {} attempt {} of team {} by {}, correlation id {},"
                            + " parameters {}",
                    attempt.id(),
                    when,
                    e.getClass().getSimpleName(),
                    attempt.action(),
                    attempt.attempt(),
                    attempt.team(),
                    attempt.principal(),
                    attempt.correlationId(),
                    attempt.maskedParameters());
            return false;
        }
    }

    private static @Nullable String importId(RdsResponse answer) {
        return answer instanceof ImportDatabaseBetweenInstancesResponse created ? created.importId() : null;
    }

    private static @Nullable Long taskId(RdsResponse answer) {
        if (answer instanceof CreateCloudMigrationPrecheckTaskResponse created) {
            return created.taskId();
        }
        if (answer instanceof CreateCloudMigrationTaskResponse created) {
            return created.taskId();
        }
        if (answer instanceof ActivateMigrationTargetInstanceResponse switched) {
            return switched.taskId();
        }
        return null;
    }

    private static @Nullable Long number(@Nullable String value) {
        return value != null && value.matches("\\d{1,18}") ? Long.parseLong(value) : null;
    }
}
