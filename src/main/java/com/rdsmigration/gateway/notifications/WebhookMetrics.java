package com.rdsmigration.gateway.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * {@code gateway.webhooks.deliveries{outcome}}: delivery attempts by outcome ({@code delivered}; {@code retry}, an
 * attempt failed and another will follow; {@code failed}, the last attempt failed and the delivery is given up), and
 * {@code gateway.webhooks.backlog}: deliveries of all replicas not yet delivered or given up.
 */
@Component
class WebhookMetrics {

    static final String DELIVERED = "delivered";
    static final String RETRY = "retry";
    static final String FAILED = "failed";

    private final MeterRegistry registry;

    WebhookMetrics(MeterRegistry registry, DeliveryOutbox outbox) {
        this.registry = registry;
        Gauge.builder("gateway.webhooks.backlog", outbox, WebhookMetrics::backlog)
                .description("Webhook deliveries waiting for their first or next attempt")
                .register(registry);
        for (String outcome : new String[] {DELIVERED, RETRY, FAILED}) {
            counter(outcome);
        }
    }

    void attempted(String outcome) {
        counter(outcome).increment();
    }

    private Counter counter(String outcome) {
        return Counter.builder("gateway.webhooks.deliveries")
                .description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    private static double backlog(DeliveryOutbox outbox) {
        try {
            return outbox.backlog();
        } catch (DataAccessException unavailable) {
            return Double.NaN;
        }
    }
}
