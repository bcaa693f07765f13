package com.rdsmigration.gateway.cloudmigration;

import com.rdsmigration.gateway.web.FieldLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A precheck as teams see it: the parsed report and the raw one. */
@Schema(name = "Precheck")
record PrecheckResponse(
        UUID id,

        @Schema(example = "team-a") @Size(max = FieldLimits.TEAM)
        String team,

        @Schema(example = "pgm-bp102g323jd4xxxx", pattern = TaskNames.PG_INSTANCE_ID)
        @Size(max = FieldLimits.INSTANCE_ID)
        String targetInstanceId,

        SourceView source,

        @Schema(description = "Upstream TaskId; null until the upstream accepted the precheck.", example = "439946016")
        @Min(0)
        @Max(Long.MAX_VALUE)
        @Nullable
        Long taskId,

        @Schema(example = "gw-k3j5h2l4m6n8p0q2", pattern = TaskNames.PATTERN) @Size(max = FieldLimits.TASK_NAME)
        String taskName,

        @Schema(
                description = "Upstream RequestId of the creating call; null until the upstream accepted it, or when"
                        + " its answer was lost and the task found by name.")
        @Size(max = FieldLimits.UPSTREAM_REQUEST_ID)
        @Nullable
        String requestId,

        @Schema(example = PrecheckStatus.EXAMPLE) PrecheckStatus status,

        @Schema(description = "The upstream report, verbatim; null until the upstream has one.")
        @Size(max = FieldLimits.PASSED_ON)
        @Nullable
        String detail,

        @Schema(description = "Every line of the report, in its order; empty until there is one.")
        @Size(max = FieldLimits.PASSED_ON)
        List<PrecheckReport.Check> checks,

        @Schema(description = "When the state was last read from upstream; null before the first read.") @Nullable
        Instant syncedAt,

        Instant createdAt,
        Instant updatedAt) {}
