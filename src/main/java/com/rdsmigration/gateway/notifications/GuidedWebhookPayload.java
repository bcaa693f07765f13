package com.rdsmigration.gateway.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * The JSON body of a delivery of a guided migration's status change (the {@code GuidedMigrationChanged} event).
 *
 * @param id the delivery's id: the same on every attempt of it, so a receiver can drop repeats
 * @param event always {@value #EVENT}
 * @param occurredAt when the status changed
 * @param guidedMigration the guided migration and its change
 */
record GuidedWebhookPayload(UUID id, String event, Instant occurredAt, GuidedChange guidedMigration) {

    static final String EVENT = "guidedmigration.changed";
}
