package com.rdsmigration.gateway.guided;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** Something that holds a cutover back, with what would lift it. */
@Schema(name = "CutoverBlocker")
record Blocker(
        @Schema(example = "APPROVAL_PENDING") Code code,

        @Schema(example = "1 of 2 approvals given.") @Size(max = 500)
        String detail) {

    /** What holds a cutover back. */
    enum Code {
        /** Fewer approvals than {@code requiredApprovals}. */
        APPROVAL_PENDING,
        /** Outside the maintenance window or before {@code notBefore} (waived by a cutover started by hand). */
        WINDOW_NOT_OPEN,
        /** The replication link is not streaming (waived by {@code acceptLag}). */
        REPLICATION_NOT_STREAMING,
        /** {@code ReplayLag} above {@code maxReplayLagSeconds} (waived by {@code acceptLag}). */
        LAG_TOO_HIGH
    }
}
