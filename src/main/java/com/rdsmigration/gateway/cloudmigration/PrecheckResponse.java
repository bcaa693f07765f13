package com.rdsmigration.gateway.cloudmigration;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A precheck as teams see it: the parsed report and the raw one. */
@Schema(name = "Precheck")
record PrecheckResponse(
        UUID id,
        @Schema(example = "team-a") String team,
        @Schema(example = "pgm-bp102g323jd4xxxx") String targetInstanceId,
        SourceView source,

        @Schema(description = "Upstream TaskId.", example = "439946016") @Nullable
        Long taskId,

        @Schema(example = "gw-k3j5h2l4m6n8p0q2") String taskName,

        @Schema(description = "Upstream RequestId of the creating call.") @Nullable
        String requestId,

        @Schema(example = "PASSED") PrecheckStatus status,

        @Schema(description = "The upstream report, verbatim.") @Nullable
        String detail,

        List<PrecheckReport.Check> checks,

        @Schema(description = "When the state was last read from upstream.") @Nullable
        Instant syncedAt,

        Instant createdAt,
        Instant updatedAt) {}
