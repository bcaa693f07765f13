package com.rdsmigration.gateway.rds;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * An upstream failure that may go away on its own: I/O errors, timeouts, 5xx answers, throttling and
 * {@code ServiceUnavailable}. {@link #outcomeUnknown()} tells whether the request may have taken effect upstream; when
 * it did not provably (the connection was refused, or the upstream answered with throttling), a mutation may be sent
 * again. A {@link #refusal()} is the gateway's own: the call was never sent because a breaker, bulkhead or rate limit
 * stood in the way; it is neither retried nor counted against the upstream's health. Each kind has a factory named
 * for it.
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
        /** The database, where a mutation is recorded before it leaves, cannot be written. */
        STORE_UNAVAILABLE,
        /** A quota (the daily task limit, a team's budget) is used up. */
        QUOTA_EXCEEDED
    }

    private final boolean outcomeUnknown;
    private final @Nullable Refusal refusal;
    private final @Nullable Duration retryAfter;

    private TransientRdsException(
            String action,
            int httpStatus,
            @Nullable String code,
            @Nullable String requestId,
            String message,
            boolean outcomeUnknown,
            @Nullable Refusal refusal,
            @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        super(action, httpStatus, code, requestId, message, cause);
        this.outcomeUnknown = outcomeUnknown;
        this.refusal = refusal;
        this.retryAfter = retryAfter;
    }

    /** The request never left: no connection, or it could not even be prepared. Nothing happened upstream. */
    static TransientRdsException notSent(String action, String message, @Nullable Throwable cause) {
        return new TransientRdsException(action, 0, null, null, message, false, null, null, cause);
    }

    /** The upstream answered with throttling: it did not act on the request. */
    static TransientRdsException throttled(
            String action, int httpStatus, String code, @Nullable String requestId, String message) {
        return new TransientRdsException(action, httpStatus, code, requestId, message, false, null, null, null);
    }

    /** The request was sent and no answer came (a timeout, a reset): it may have taken effect. */
    static TransientRdsException noAnswer(String action, String message, Throwable cause) {
        return new TransientRdsException(action, 0, null, null, message, true, null, null, cause);
    }

    /** The upstream answered, but with nothing the gateway can read: it may well have acted. */
    static TransientRdsException unreadableAnswer(String action, String message) {
        return new TransientRdsException(action, 200, null, null, message, true, null, null, null);
    }

    /** The upstream answered with a passing error (a 5xx, {@code ServiceUnavailable}): it may have acted. */
    static TransientRdsException failedAnswer(
            String action, int httpStatus, @Nullable String code, @Nullable String requestId, String message) {
        return new TransientRdsException(action, httpStatus, code, requestId, message, true, null, null, null);
    }

    /** A call the gateway did not send; a caller may try again after {@code retryAfter}. */
    static TransientRdsException refused(String action, Refusal refusal, String message, Duration retryAfter) {
        return new TransientRdsException(action, 0, null, null, message, false, refusal, retryAfter, null);
    }

    /** Why the gateway did not send the call, or {@code null} when it did. */
    public @Nullable Refusal refusal() {
        return refusal;
    }

    /** When a refused call may be tried again; {@code null} for calls that were sent. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /**
     * Whether the outcome is unknown: the request may have taken effect upstream without our hearing of it. Only a
     * call never sent or a throttling answer proves it did not; a timeout, a 5xx or an unreadable answer do not. A
     * mutation is sent again only when this is {@code false}.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
