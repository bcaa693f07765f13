package com.rdsmigration.gateway.audit;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.web.FieldLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One upstream attempt, as {@code GET /api/v1/audit-events} shows it; its bounds are its columns'. */
@Schema(description = "One request the gateway sent to the RDS OpenAPI, retries and background calls included.")
record AuditEvent(
        UUID id,

        @Schema(description = "When the attempt left.", example = "2026-11-25T08:00:00.123456Z")
        Instant occurredAt,

        @Schema(
                description = "The team it was sent for; null for the gateway's own background calls.",
                example = "team-a")
        @Size(max = FieldLimits.TEAM)
        @Nullable
        String team,

        @Schema(
                description = "The credential that caused it, or `system:` and the background job.",
                example = "ci-pipeline-key")
        @Size(max = 128)
        String principal,

        @Schema(
                example = RdsActions.IMPORT_DATABASE_BETWEEN_INSTANCES,
                allowableValues = {
                    RdsActions.IMPORT_DATABASE_BETWEEN_INSTANCES,
                    RdsActions.CANCEL_IMPORT,
                    RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK,
                    RdsActions.DESCRIBE_CLOUD_MIGRATION_PRECHECK_RESULT,
                    RdsActions.CREATE_CLOUD_MIGRATION_TASK,
                    RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT,
                    RdsActions.ACTIVATE_MIGRATION_TARGET_INSTANCE,
                    RdsActions.DESCRIBE_DB_INSTANCE_ATTRIBUTE
                })
        String action,

        @Schema(
                description = "1 for the first attempt of a call, 2 and up for its retries; 0 for a call the gateway"
                        + " refused before sending it.",
                example = "1")
        @Min(0)
        @Max(Integer.MAX_VALUE)
        int attempt,

        @Schema(
                description = "SUCCEEDED, FAILED, or UNKNOWN while in flight or when no answer came; REFUSED for a"
                        + " call the gateway refused before sending it (such as one naming another team's"
                        + " instance).",
                example = AuditOutcome.EXAMPLE)
        AuditOutcome outcome,

        @Schema(
                description = "The upstream's HTTP status; null without an answer. For a REFUSED call, the status"
                        + " the gateway answered (403 for another team's instance).",
                example = "200")
        @Min(100)
        @Max(999)
        @Nullable
        Integer httpStatus,

        @Schema(
                description = "The upstream's error code; null unless it answered with one.",
                example = "InvalidDBInstanceId.NotFound")
        @Size(max = FieldLimits.UPSTREAM_CODE)
        @Nullable
        String upstreamCode,

        @Schema(
                description = "The upstream's RequestId; null without an answer.",
                example = "5E5C7C7B-8A0B-4C5F-9F43-2B0C8E3E2B51")
        @Size(max = FieldLimits.UPSTREAM_REQUEST_ID)
        @Nullable
        String upstreamRequestId,

        @Schema(
                description = "The upstream ImportId the call names, if any.",
                example = "1398761",
                pattern = "^[0-9]+$")
        @Size(max = 32)
        @Nullable
        String importId,

        @Schema(description = "The upstream TaskId the call names, if any.", example = "455")
        @Min(0)
        @Max(Long.MAX_VALUE)
        @Nullable
        Long taskId,

        @Schema(description = "The upstream TaskName the call names, if any.", example = "orders-precheck")
        @Size(max = FieldLimits.TASK_NAME)
        @Nullable
        String taskName,

        @Schema(
                description =
                        "How long the attempt took (0 for a refused call); null while it is in flight or when its end could not be recorded.",
                example = "42")
        @Min(0)
        @Max(Long.MAX_VALUE)
        @Nullable
        Long durationMs,

        @Schema(
                description = "The caller's `X-Request-Id` (or the one the gateway made); null for background calls.",
                example = "b7f2c1d0-4e3a-4f0e-9a51-0c2d7e8f9a10",
                pattern = "^[A-Za-z0-9._:-]+$")
        @Size(max = 128)
        @Nullable
        String correlationId,

        @Schema(description = "The call's parameters, every secret shown as `******`.")
        Map<String, @Size(max = MAX_PARAMETER_LENGTH) String> parameters) {

    /**
     * The longest parameter value the gateway sends: an import's DBInfo, 100 pairs of names of at most 128 characters
     * and their JSON punctuation, is under it; every other parameter is an id, a name or a number.
     */
    static final int MAX_PARAMETER_LENGTH = 32_768;
}
