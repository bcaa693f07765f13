package com.rdsmigration.gateway.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An error the gateway answers with a problem of a known {@link ProblemType}. Modules throw it (or a subclass) and
 * the problem advice renders it; its detail must be safe to show a caller: no secret, no upstream body.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType problemType;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private @Nullable Duration retryAfter;

    public ProblemException(ProblemType problemType, String detail) {
        super(detail);
        this.problemType = problemType;
    }

    public ProblemException(ProblemType problemType, String detail, Throwable cause) {
        super(detail, cause);
        this.problemType = problemType;
    }

    /**
     * A mutation that may have taken effect upstream although the gateway never heard: the task is kept as UNKNOWN and
     * reconciled. The answer says so ({@code outcome: UNKNOWN}, {@code taskId}) and must never invite a blind resend,
     * so an idempotency key keeps it.
     */
    public static ProblemException outcomeUnknown(String what, Object taskId) {
        return new ProblemException(
                        ProblemType.UPSTREAM_UNAVAILABLE,
                        "The upstream may have accepted " + what + " " + taskId + " without our hearing of it. It is"
                                + " kept as UNKNOWN and reconciled: read it later instead of sending it again.")
                .with(OUTCOME, UpstreamOutcome.UNKNOWN.name())
                .with("taskId", taskId.toString())
                .retryAfter(Duration.ofSeconds(30));
    }

    /** The extension member that marks an answer whose upstream outcome is unknown. */
    public static final String OUTCOME = "outcome";

    public ProblemType problemType() {
        return problemType;
    }

    /** Extension members of the problem, such as {@code code} or {@code upstreamRequestId}. */
    public Map<String, Object> properties() {
        return properties;
    }

    public ProblemException with(String name, @Nullable Object value) {
        if (value != null) {
            properties.put(name, value);
        }
        return this;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    public ProblemException retryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
        return this;
    }
}
