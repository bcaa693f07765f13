package com.rdsmigration.gateway.system;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The correlation id of the request being served: the caller's {@code X-Request-Id} when it is well formed, else one
 * the gateway made. It is in the logging MDC as {@code requestId} for the length of the request.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    static final int MAX_LENGTH = 128;
    /** What a caller's id must look like to be kept; the API document shows the same expression. */
    static final String PATTERN = "^[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}$";

    private static final Pattern ACCEPTED = Pattern.compile(PATTERN);

    private CorrelationId() {}

    /** The current request's id, or {@code null} outside a request. */
    public static @Nullable String current() {
        return MDC.get(MDC_KEY);
    }

    static String acceptOrGenerate(@Nullable String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }
}
