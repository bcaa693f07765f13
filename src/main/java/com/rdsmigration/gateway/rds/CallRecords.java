package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.TransientRdsException.Refusal;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.rds.wire.RdsRequest;
import com.rdsmigration.gateway.rds.wire.RdsResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * The database side of one upstream call: a transaction before each attempt leaves and one more for the answer.
 *
 * <ul>
 *   <li>Before attempt {@code n}: the end of attempt {@code n-1} (if any), then, for the first attempt, the caller's
 *       {@link CallWrites#beforeFirstAttempt}; the attempt's records ({@link UpstreamAttemptListener#sending}); for
 *       the first attempt, the quotas ({@link UpstreamAdmission}); and last the rate-limit permit. The rows that many
 *       calls share (quota counts, the rate's slot) are locked last, so for as short a time as possible. Committed
 *       before the attempt waits for its slot and leaves; nothing is sent when it fails.
 *   <li>After a success: the caller's {@link CallWrites#answered} and the attempt's end.
 *   <li>After the last failure: the attempts' ends, on their own.
 * </ul>
 *
 * A read goes on when the store is down, its records only logged (each listener logs what it cannot write, the rate
 * falls back to this process's); a mutation never leaves without its records.
 */
final class CallRecords<T extends RdsResponse> {

    private final String action;
    private final Map<String, String> parameters;
    private final CallWrites<? super T> writes;
    private final RdsResilience.Records records;
    private final List<Runnable> ends = new ArrayList<>();
    private int attempts;

    CallRecords(RdsRequest request, CallWrites<? super T> writes, RdsResilience.Records records) {
        this.action = request.action();
        this.parameters = request.toParameters();
        this.writes = writes;
        this.records = records;
    }

    /** One attempt: its records committed, its slot awaited, then {@code exchange}; its end is written later. */
    T attempt(Function<RdsResilience.Attempt, T> exchange) {
        int number = ++attempts;
        Sending sending = beforeSending(number);
        sending.permit().awaitSlot();
        long started = System.nanoTime();
        try {
            T answer = exchange.apply(new RdsResilience.Attempt(number, sending.permit()));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            ends.add(() -> sending.heard().succeeded(200, answer, took));
            return answer;
        } catch (RdsException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            ends.add(() -> sending.heard().failed(e, took));
            throw e;
        }
    }

    /** Records the answer with the caller's writes; answers it. */
    T answered(T answer) {
        try {
            records.transactions().executeWithoutResult(status -> {
                writes.answered(answer);
                writeEnds(); // last: the usage count's row is shared by every call of its team and action
            });
        } catch (DataAccessException | TransactionException e) {
            if (writes != CallWrites.NONE) {
                throw new AnswerNotRecorded(action, answer.requestId(), e);
            }
            writeEnds(); // without a transaction: each listener logs what it cannot write
        }
        ends.clear();
        return answer;
    }

    /** After the call failed: the ends of its attempts, in a transaction of their own. */
    void failed() {
        if (ends.isEmpty()) {
            return;
        }
        try {
            records.transactions().executeWithoutResult(status -> writeEnds());
        } catch (DataAccessException | TransactionException e) {
            writeEnds();
        }
        ends.clear();
    }

    private Sending beforeSending(int number) {
        Sending sending;
        try {
            sending = recordedBeforeSending(number);
        } catch (UpstreamAdmission.NotAdmitted notAdmitted) {
            UpstreamAdmission.Refused refused = notAdmitted.refused();
            throw TransientRdsException.refused(action, Refusal.QUOTA_EXCEEDED, refused.reason(), refused.retryAfter());
        }
        ends.clear();
        return sending;
    }

    private Sending recordedBeforeSending(int number) {
        try {
            return records.transactions().execute(status -> {
                writeEnds();
                return sending(number);
            });
        } catch (DataAccessException | TransactionException storeDown) {
            if (!RdsActions.isRead(action)) {
                throw TransientRdsException.refused(
                        action,
                        Refusal.STORE_UNAVAILABLE,
                        "the gateway's store cannot record the call before it leaves ("
                                + storeDown.getClass().getSimpleName() + ")",
                        Duration.ofSeconds(5));
            }
            writeEnds();
            return sending(number);
        }
    }

    private Sending sending(int number) {
        if (number == 1) {
            writes.beforeFirstAttempt();
        }
        UpstreamAttemptListener.Outcome heard = records.listener().sending(action, number, parameters);
        if (number == 1) {
            records.admission().admit(action); // may refuse now, or when its statements leave with the permit's
        }
        return new Sending(heard, records.rateLimiter().acquire(action));
    }

    private void writeEnds() {
        ends.forEach(Runnable::run);
    }

    private record Sending(UpstreamAttemptListener.Outcome heard, UpstreamRateLimiter.Permit permit) {}
}
