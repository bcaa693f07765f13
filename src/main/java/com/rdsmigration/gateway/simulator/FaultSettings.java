package com.rdsmigration.gateway.simulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The faults the simulator injects, as {@code GET|PUT /rds-simulator/_control/faults} reads and writes them. Absent
 * fields take their defaults (no faults); {@code actions} limits every fault to those actions, all when empty.
 *
 * @param errorRate share of calls answered with {@code errorCode} and {@code httpStatus} and no effect
 * @param errorCode the injected error's code, {@code ServiceUnavailable} by default
 * @param httpStatus the injected error's status, 503 by default
 * @param latencyMs how long every successful answer is held back (its action has taken effect)
 * @param timeoutRate share of successful answers held back for the timeout hold
 * @param throttleQps more calls than this in one clock second answer {@code Throttling.User}; 0 turns it off
 * @param actions the actions the faults apply to; all when empty
 * @param timeoutHoldMs the timeout hold, instead of {@code rds.simulator.timeout-hold}
 */
record FaultSettings(
        @DecimalMin("0") @DecimalMax("1") BigDecimal errorRate,
        String errorCode,
        @Min(400) @Max(599) int httpStatus,
        @Min(0) @Max(600_000) long latencyMs,
        @DecimalMin("0") @DecimalMax("1") BigDecimal timeoutRate,
        @Min(0) int throttleQps,
        List<String> actions,
        @Nullable @Min(0) @Max(600_000) Long timeoutHoldMs) {

    static final String DEFAULT_ERROR_CODE = "ServiceUnavailable";
    static final int DEFAULT_HTTP_STATUS = 503;
    static final FaultSettings NONE = new FaultSettings(null, null, null, null, null, null, null, null);

    /** Fills the defaults in for whatever the JSON left out. */
    @JsonCreator
    FaultSettings(
            @Nullable BigDecimal errorRate,
            @Nullable String errorCode,
            @Nullable Integer httpStatus,
            @Nullable Long latencyMs,
            @Nullable BigDecimal timeoutRate,
            @Nullable Integer throttleQps,
            @Nullable List<String> actions,
            @Nullable Long timeoutHoldMs) {
        this(
                errorRate == null ? BigDecimal.ZERO : errorRate,
                errorCode == null || errorCode.isBlank() ? DEFAULT_ERROR_CODE : errorCode,
                httpStatus == null ? DEFAULT_HTTP_STATUS : httpStatus,
                latencyMs == null ? 0 : latencyMs,
                timeoutRate == null ? BigDecimal.ZERO : timeoutRate,
                throttleQps == null ? 0 : throttleQps,
                actions == null ? List.of() : List.copyOf(actions),
                timeoutHoldMs);
    }

    boolean appliesTo(@Nullable String action) {
        return actions.isEmpty() || (action != null && actions.contains(action));
    }
}
