package com.rdsmigration.gateway.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * The JSON body of a delivery.
 *
 * @param id the delivery's id: the same on every attempt of it, so a receiver can drop repeats
 * @param event always {@value #EVENT}
 * @param occurredAt when the gateway first saw the change
 * @param task the task and its change
 */
record WebhookPayload(UUID id, String event, Instant occurredAt, TaskChange task) {

    static final String EVENT = "cloudmigration.changed";
}
