package com.rdsmigration.gateway.rds;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * An upstream failure that may go away on its own: I/O errors, timeouts, 5xx answers, throttling and
 * {@code ServiceUnavailable}. {@link #notProcessed()} tells whether the upstream provably did not act on the request
 * (the connection was refused, or it answered with throttling), which is when a mutation may be sent again.
 * A {@link #refusal()} is the gateway's own: the call was never sent because a breaker, bulkhead or rate limit stood in
 * the way; it is neither retried nor counted against the upstream's health.
 */
public final class TransientRdsException extends RdsException {

    /** Why the gateway itself did not send a call. */
    public enum Refusal {
        /** No permit of the shared upstream rate limit within {@code rds.rate-limits.max-wait}. */
        RATE_LIMITED,
        /** The circuit breaker is open after repeated upstream failures. */
        BREAKER_OPEN,
        /** Too many upstream calls are in flight. */
        BULKHEAD_FULL,
        /** The rate limit's state is in the database, which cannot be reached. */
        LIMITER_UNAVAILABLE,
        /** A quota (the daily task limit, a team's budget) is used up. */
        QUOTA_EXCEEDED
    }

    private final boolean notProcessed;
    private final @Nullable Refusal refusal;
    private final @Nullable Duration retryAfter;

    TransientRdsException(
            String action,
            int httpStatus,
            @Nullable String code,
            @Nullable String requestId,
            String message,
            boolean notProcessed,
            @Nullable Throwable cause) {
        super(action, httpStatus, code, requestId, message, cause);
        this.notProcessed = notProcessed;
        this.refusal = null;
        this.retryAfter = null;
    }

    private TransientRdsException(String action, Refusal refusal, String message, Duration retryAfter) {
        super(action, 0, null, null, message, null);
        this.notProcessed = true;
        this.refusal = refusal;
        this.retryAfter = retryAfter;
    }

    /** A call the gateway did not send; a caller may try again after {@code retryAfter}. */
    static TransientRdsException refused(String action, Refusal refusal, String message, Duration retryAfter) {
        return new TransientRdsException(action, refusal, message, retryAfter);
    }

    /** Why the gateway did not send the call, or {@code null} when it did. */
    public @Nullable Refusal refusal() {
        return refusal;
    }

    /** When a refused call may be tried again; {@code null} for calls that were sent. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    public boolean notProcessed() {
        return notProcessed;
    }

    /**
     * Whether the outcome is unknown: the request may have taken effect upstream without our hearing of it. Only a
     * refused connection or a throttling answer proves it did not; a timeout, a 5xx or an unreadable answer do not.
     */
    public boolean outcomeUnknown() {
        return !notProcessed;
    }
}
