package com.rdsmigration.gateway.guided;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A guided migration took a new status. Published once per change, inside the transaction that records it, so a
 * listener that writes in that transaction (a notification outbox) commits or rolls back with the change itself.
 *
 * @param previousStatus the status before; {@code null} for the first
 * @param reason why, in words (the history's reason)
 */
public record GuidedMigrationChanged(
        UUID id,
        String team,
        String targetInstanceId,
        @Nullable String previousStatus,
        String status,
        @Nullable String reason,
        Instant changedAt) {}
