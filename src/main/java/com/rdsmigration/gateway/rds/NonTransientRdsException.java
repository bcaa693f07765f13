package com.rdsmigration.gateway.rds;

import org.jspecify.annotations.Nullable;

/** An upstream refusal that retrying will not change: bad parameters, wrong state, authentication, and the like. */
public final class NonTransientRdsException extends RdsException {

    NonTransientRdsException(
            String action,
            int httpStatus,
            @Nullable String code,
            @Nullable String requestId,
            String message,
            @Nullable Throwable cause) {
        super(action, httpStatus, code, requestId, message, cause);
    }
}
