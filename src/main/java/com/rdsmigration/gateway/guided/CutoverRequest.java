package com.rdsmigration.gateway.guided;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The gates of a guided migration's cutover. */
@Schema(name = "CutoverGates")
record CutoverRequest(
        @Schema(
                description = "Approvals needed, by callers of the owning team other than the creator, or"
                        + " administrators. Default 1.",
                example = "1",
                defaultValue = "1")
        @Min(0)
        @Max(5)
        @Nullable
        Integer requiredApprovals,

        @Schema(description = "The weekly maintenance window the cutover must start in; any time when absent.")
        @Valid
        @Nullable
        WindowRequest window,

        @Schema(
                description = "The cutover starts no earlier than this instant (RFC 3339).",
                example = "2026-12-08T15:00:00Z")
        @Nullable
        Instant notBefore,

        @Schema(
                description = "The largest ReplayLag, in seconds, at which the cutover may start. Default 0.",
                example = "0",
                defaultValue = "0")
        @Min(0)
        @Max(86_400)
        @Nullable
        Integer maxReplayLagSeconds) {

    static final int DEFAULT_APPROVALS = 1;

    int approvals() {
        return requiredApprovals == null ? DEFAULT_APPROVALS : requiredApprovals;
    }

    int maxLag() {
        return maxReplayLagSeconds == null ? 0 : maxReplayLagSeconds;
    }
}
