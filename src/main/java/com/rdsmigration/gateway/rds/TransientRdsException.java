package com.rdsmigration.gateway.rds;

import org.jspecify.annotations.Nullable;

/**
 * An upstream failure that may go away on its own: I/O errors, timeouts, 5xx answers, throttling and
 * {@code ServiceUnavailable}. {@link #notProcessed()} tells whether the upstream provably did not act on the request
 * (the connection was refused, or it answered with throttling), which is when a mutation may be sent again.
 */
public final class TransientRdsException extends RdsException {

    private final boolean notProcessed;

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
