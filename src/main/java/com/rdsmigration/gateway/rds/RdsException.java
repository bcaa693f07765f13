package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.problem.ProblemConvertible;
import com.rdsmigration.gateway.problem.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * A failed upstream call: the action, the HTTP status (0 when no answer came), and the upstream's {@code Code},
 * {@code RequestId} and a message that is safe to log and show (never a string to sign or a password).
 */
public abstract sealed class RdsException extends RuntimeException implements ProblemConvertible
        permits TransientRdsException, NonTransientRdsException {

    private final String action;
    private final int httpStatus;
    private final @Nullable String code;
    private final @Nullable String requestId;
    private final String upstreamMessage;

    RdsException(
            String action,
            int httpStatus,
            @Nullable String code,
            @Nullable String requestId,
            String upstreamMessage,
            @Nullable Throwable cause) {
        super(describe(action, httpStatus, code, requestId, upstreamMessage), cause, false, true);
        this.action = action;
        this.httpStatus = httpStatus;
        this.code = code;
        this.requestId = requestId;
        this.upstreamMessage = upstreamMessage;
    }

    public String action() {
        return action;
    }

    /** The HTTP status of the upstream's answer, or 0 when there was none (I/O failure, timeout). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The upstream's error {@code Code}; {@code null} when it sent none. */
    public @Nullable String code() {
        return code;
    }

    public @Nullable String requestId() {
        return requestId;
    }

    /** The upstream's {@code Message}, sanitised. */
    public String upstreamMessage() {
        return upstreamMessage;
    }

    /** The problem a caller of the gateway gets for this failure, unless a service maps it more precisely. */
    @Override
    public ProblemException toProblem() {
        return RdsProblems.toProblem(this);
    }

    private static String describe(
            String action, int status, @Nullable String code, @Nullable String requestId, String message) {
        StringBuilder text = new StringBuilder(action).append(" failed");
        if (status > 0) {
            text.append(": HTTP ").append(status);
        }
        if (code != null) {
            text.append(' ').append(code);
        }
        if (requestId != null) {
            text.append(" (RequestId ").append(requestId).append(')');
        }
        return text.append(": ").append(message).toString();
    }
}
