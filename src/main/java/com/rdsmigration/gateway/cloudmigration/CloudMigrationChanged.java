package com.rdsmigration.gateway.cloudmigration;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A precheck or migration was first seen in a new status, stage or replication state. Published once per change for
 * all replicas together, inside the transaction that records it, so a listener that writes in that transaction (a
 * notification outbox) commits or rolls back with the change itself.
 *
 * @param id the gateway's id of the task
 * @param kind {@code precheck} or {@code migration}
 * @param team the team that owns the task
 * @param taskId the upstream TaskId, when known
 * @param taskName the upstream TaskName
 * @param previousStatus the gateway status before the change
 * @param status the gateway status now ({@code RUNNING}, {@code PASSED}, {@code SWITCHING}, {@code SUCCEEDED}, ...)
 * @param previousStage the upstream MigrateStage before the change; {@code null} for prechecks and before the first
 * @param stage the upstream MigrateStage now; {@code null} for prechecks
 * @param replicationState the upstream replication state now, when the upstream gives one
 * @param changedAt when the gateway first saw the change
 */
public record CloudMigrationChanged(
        UUID id,
        String kind,
        String team,
        @Nullable Long taskId,
        String taskName,
        @Nullable String previousStatus,
        String status,
        @Nullable String previousStage,
        @Nullable String stage,
        @Nullable String replicationState,
        Instant changedAt) {}
