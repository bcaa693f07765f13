package com.rdsmigration.gateway.notifications;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One attempt of a claimed delivery, with no transaction open: the URL is checked against the policy again (a host
 * may have left the allow-list since the webhook was made, and the resolver checks the addresses when connecting),
 * the body is signed afresh (with this attempt's time) and POSTed, and the outcome is settled in a statement of its
 * own: 2xx delivers it; anything else is retried after {@code gateway.webhooks.backoff}, until
 * {@code gateway.webhooks.max-attempts} attempts have failed.
 */
@Component
class DeliveryAttempt {

    /** Which attempt this is (1, 2, ...): ours, beside the Standard Webhooks headers, and not signed. */
    private static final String ATTEMPT_HEADER = "X-Gateway-Webhook-Attempt";

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempt.class);

    private final DeliveryOutbox outbox;
    private final WebhookSender sender;
    private final WebhookSigner signer;
    private final WebhookUrlPolicy policy;
    private final WebhookProperties properties;
    private final WebhookMetrics metrics;
    private final Clock clock;

    DeliveryAttempt(
            DeliveryOutbox outbox,
            WebhookSender sender,
            WebhookSigner signer,
            WebhookUrlPolicy policy,
            WebhookProperties properties,
            WebhookMetrics metrics,
            Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.signer = signer;
        this.policy = policy;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    void send(ClaimedDelivery delivery) {
        WebhookSender.Outcome outcome = policy.deliveryRefusal(delivery.url())
                .map(error -> WebhookSender.Outcome.failed(error, "refused before sending"))
                .orElseGet(() -> sender.send(delivery.url(), headers(delivery), delivery.payload()));
        if (outcome.delivered()) {
            settled(outbox.delivered(delivery, statusOf(outcome)), delivery, WebhookMetrics.DELIVERED);
            return;
        }
        boolean giveUp = delivery.attempt() >= properties.maxAttempts();
        Instant retryAt = giveUp ? null : clock.instant().plus(properties.backoffAfter(delivery.attempt()));
        String error = String.valueOf(outcome.error());
        // The team sees only the coarse error; what happened in full is for operators (no URL path: it may hold a
        // token).
        log.info(
                "Webhook delivery {} of subscription {} to {}, attempt {}: {} ({})",
                delivery.id(),
                delivery.subscriptionId(),
                target(delivery.url()),
                delivery.attempt(),
                error,
                outcome.detail() == null ? "status " + outcome.httpStatus() : outcome.detail());
        settled(
                outbox.attemptFailed(delivery, outcome.httpStatus(), error, retryAt),
                delivery,
                giveUp ? WebhookMetrics.FAILED : WebhookMetrics.RETRY);
        if (giveUp) {
            log.warn(
                    "Webhook delivery {} of subscription {} failed after {} attempts: {}",
                    delivery.id(),
                    delivery.subscriptionId(),
                    delivery.attempt(),
                    error);
        }
    }

    private void settled(boolean ours, ClaimedDelivery delivery, String outcome) {
        if (ours) {
            metrics.attempted(outcome);
        } else {
            log.info(
                    "Webhook delivery {} was settled elsewhere (claim timed out or subscription deleted)",
                    delivery.id());
        }
    }

    private Map<String, String> headers(ClaimedDelivery delivery) {
        Map<String, String> headers = new HashMap<>(signer.headers(
                delivery.subscriptionId(), delivery.id(), clock.instant().getEpochSecond(), delivery.payload()));
        headers.put(ATTEMPT_HEADER, Integer.toString(delivery.attempt()));
        return headers;
    }

    /** Scheme, host and port of a URL: enough to find the receiver, without a path or query that may hold a token. */
    private static String target(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(an invalid URL)";
        }
    }

    private static int statusOf(WebhookSender.Outcome outcome) {
        @Nullable Integer status = outcome.httpStatus();
        return status == null ? 0 : status;
    }
}
