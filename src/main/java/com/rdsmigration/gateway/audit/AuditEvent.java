package com.rdsmigration.gateway.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One upstream attempt, as {@code GET /api/v1/audit-events} shows it. */
@Schema(description = "One request the gateway sent to the RDS OpenAPI, retries and background calls included.")
record AuditEvent(
        UUID id,

        @Schema(description = "When the attempt left.", example = "2026-11-25T08:00:00.123456Z")
        Instant occurredAt,

        @Schema(
                description = "The team it was sent for; absent for the gateway's own background calls.",
                example = "team-a")
        @Nullable
        String team,

        @Schema(
                description = "The credential that caused it, or `system:` and the background job.",
                example = "ci-pipeline-key")
        String principal,

        @Schema(example = "ImportDatabaseBetweenInstances") String action,

        @Schema(
                description = "1 for the first attempt of a call, 2 and up for its retries; 0 for a call the gateway"
                        + " refused before sending it.",
                example = "1")
        int attempt,

        @Schema(
                description = "SUCCEEDED, FAILED, or UNKNOWN while in flight or when no answer came; REFUSED for a"
                        + " call the gateway refused before sending it (such as one naming another team's"
                        + " instance).",
                example = "SUCCEEDED")
        String outcome,

        @Schema(
                description = "The upstream's HTTP status; absent without an answer. For a REFUSED call, the status"
                        + " the gateway answered (403 for another team's instance).",
                example = "200")
        @Nullable
        Integer httpStatus,

        @Schema(example = "InvalidDBInstanceId.NotFound") @Nullable
        String upstreamCode,

        @Schema(example = "5E5C7C7B-8A0B-4C5F-9F43-2B0C8E3E2B51") @Nullable
        String upstreamRequestId,

        @Schema(example = "1398761") @Nullable String importId,
        @Schema(example = "455") @Nullable Long taskId,
        @Schema(example = "orders-precheck") @Nullable String taskName,
        @Schema(example = "42") @Nullable Long durationMs,

        @Schema(description = "The caller's `X-Request-Id`.", example = "b7f2c1d0-4e3a-4f0e-9a51-0c2d7e8f9a10")
        @Nullable
        String correlationId,

        @Schema(description = "The call's parameters, every secret shown as `******`.")
        Map<String, String> parameters) {}
