package com.rdsmigration.gateway.notifications;

import com.rdsmigration.gateway.cloudmigration.CloudMigrationChanged;
import com.rdsmigration.gateway.guided.GuidedMigrationChanged;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a change into one delivery per subscription it concerns, in the transaction that records the change: the
 * deliveries exist exactly when the change does, and a failure here undoes the change rather than losing its
 * notification. The body is fixed now, so every attempt sends the same bytes.
 */
@Component
class ChangeOutboxWriter {

    private final SubscriptionStore subscriptions;
    private final DeliveryOutbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    ChangeOutboxWriter(SubscriptionStore subscriptions, DeliveryOutbox outbox, JsonMapper json, Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(CloudMigrationChanged change) {
        TaskChange task = TaskChange.of(change);
        for (Subscription subscription : subscriptions.matching(change.id(), change.team())) {
            UUID delivery = UUID.randomUUID();
            String payload = json.writeValueAsString(
                    new WebhookPayload(delivery, WebhookPayload.EVENT, change.changedAt(), task));
            outbox.add(delivery, subscription.id(), change.id(), payload, clock.instant());
        }
    }

    @EventListener
    @Transactional
    void on(GuidedMigrationChanged change) {
        GuidedChange guided = GuidedChange.of(change);
        for (Subscription subscription : subscriptions.matching(change.id(), change.team())) {
            UUID delivery = UUID.randomUUID();
            String payload = json.writeValueAsString(
                    new GuidedWebhookPayload(delivery, GuidedWebhookPayload.EVENT, change.changedAt(), guided));
            outbox.add(delivery, subscription.id(), change.id(), payload, clock.instant());
        }
    }
}
