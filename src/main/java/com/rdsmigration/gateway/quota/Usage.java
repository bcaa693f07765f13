package com.rdsmigration.gateway.quota;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Upstream usage of a slice of the account (a period, a billing class, an action, a team). */
record Usage(
        @Schema(
                description = "Requests sent upstream, every attempt (the upstream bills failures and retries too).",
                example = "140")
        @Min(0)
        @Max(Long.MAX_VALUE)
        long requests,

        @Schema(description = "Of those, within the month's free tier.", example = "100") @Min(0) @Max(Long.MAX_VALUE)
        long free,

        @Schema(description = "Of those, billed.", example = "40") @Min(0) @Max(Long.MAX_VALUE)
        long billable,

        @Schema(description = "Estimated cost of the billable requests, in CNY.", example = "2.0000") @DecimalMin("0")
        BigDecimal estimatedCostCny,

        @Schema(description = "Tasks created (imports, prechecks, migrations): calls, not attempts.", example = "12")
        @Min(0)
        @Max(Long.MAX_VALUE)
        long taskCreations) {

    static final Usage NONE = new Usage(0, 0, 0, BigDecimal.ZERO, 0);

    /** Costs are shown to a hundredth of a fen. */
    static final int COST_SCALE = 4;

    Usage {
        estimatedCostCny = estimatedCostCny.setScale(COST_SCALE, RoundingMode.HALF_UP);
    }

    Usage plus(Usage other) {
        return new Usage(
                requests + other.requests,
                free + other.free,
                billable + other.billable,
                estimatedCostCny.add(other.estimatedCostCny),
                taskCreations + other.taskCreations);
    }
}
