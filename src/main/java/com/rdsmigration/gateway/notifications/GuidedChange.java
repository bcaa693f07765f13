package com.rdsmigration.gateway.notifications;

import com.rdsmigration.gateway.guided.GuidedMigrationChanged;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The {@code guidedMigration} of a delivery: which one, and the status change with its reason. */
record GuidedChange(
        UUID id,
        String targetInstanceId,
        String status,
        @Nullable String previousStatus,
        @Nullable String reason) {

    static GuidedChange of(GuidedMigrationChanged change) {
        return new GuidedChange(
                change.id(), change.targetInstanceId(), change.status(), change.previousStatus(), change.reason());
    }
}
