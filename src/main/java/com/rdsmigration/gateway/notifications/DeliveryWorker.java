package com.rdsmigration.gateway.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries: claims a batch (a short transaction), sends its deliveries side by side with no transaction
 * open, and settles each in a statement of its own: 2xx delivers it; anything else is retried after
 * {@code gateway.webhooks.backoff}, until {@code gateway.webhooks.max-attempts} attempts have failed. Every replica
 * runs one; the claim keeps them off each other's rows. A replica that dies mid-send leaves its claim to time out, and
 * the delivery is sent again: at least once, with the same id, which receivers use to drop repeats.
 */
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryOutbox outbox;
    private final WebhookSender sender;
    private final WebhookSigner signer;
    private final WebhookUrlPolicy policy;
    private final WebhookProperties properties;
    private final WebhookMetrics metrics;
    private final ExecutorService senders;
    private final Clock clock;

    DeliveryWorker(
            DeliveryOutbox outbox,
            WebhookSender sender,
            WebhookSigner signer,
            WebhookUrlPolicy policy,
            WebhookProperties properties,
            WebhookMetrics metrics,
            ExecutorService senders,
            Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.signer = signer;
        this.policy = policy;
        this.properties = properties;
        this.metrics = metrics;
        this.senders = senders;
        this.clock = clock;
    }

    /** Claims and sends one batch of due deliveries; answers how many it claimed. */
    int deliverDue() {
        Instant now = clock.instant();
        List<ClaimedDelivery> batch = outbox.claim(now, properties.batchSize(), now.plus(properties.claimTimeout()));
        List<Future<?>> sending = new ArrayList<>(batch.size());
        for (ClaimedDelivery delivery : batch) {
            sending.add(senders.submit(() -> attempt(delivery)));
        }
        for (Future<?> attempt : sending) {
            try {
                attempt.get();
            } catch (ExecutionException e) {
                log.warn("A webhook delivery attempt failed unexpectedly", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return batch.size();
    }

    /** The scheduled run: batches until none is full; a database outage is logged and the next run tries again. */
    void run() {
        try {
            while (deliverDue() == properties.batchSize()) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            // Anything escaping would cancel every later run of this fixed-delay task: the database down shows as a
            // CannotCreateTransactionException or TransactionSystemException, not only a DataAccessException.
            log.warn(
                    "Cannot work the webhook outbox now; the next run will retry: {}",
                    e.getClass().getSimpleName());
        }
    }

    private void attempt(ClaimedDelivery delivery) {
        WebhookSender.Outcome outcome = policy.refusal(delivery.url())
                .map(reason -> new WebhookSender.Outcome(null, "refused: the URL " + reason))
                .orElseGet(() -> sender.send(delivery.url(), headers(delivery), delivery.payload()));
        if (outcome.delivered()) {
            settled(outbox.delivered(delivery, statusOf(outcome)), delivery, WebhookMetrics.DELIVERED);
            return;
        }
        boolean giveUp = delivery.attempt() >= properties.maxAttempts();
        Instant retryAt = giveUp ? null : clock.instant().plus(properties.backoffAfter(delivery.attempt()));
        String error = String.valueOf(outcome.error());
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
        long unixSeconds = clock.instant().getEpochSecond();
        return Map.of(
                WebhookSigner.ID_HEADER,
                delivery.id().toString(),
                WebhookSigner.SIGNATURE_HEADER,
                signer.signature(delivery.subscriptionId(), unixSeconds, delivery.payload()),
                "X-Gateway-Webhook-Attempt",
                Integer.toString(delivery.attempt()));
    }

    private static int statusOf(WebhookSender.Outcome outcome) {
        @Nullable Integer status = outcome.httpStatus();
        return status == null ? 0 : status;
    }
}
