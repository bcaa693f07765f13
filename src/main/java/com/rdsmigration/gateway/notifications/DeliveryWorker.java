package com.rdsmigration.gateway.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries: claims a batch (a short transaction, in turns across teams: {@link DeliveryClaims}) and makes
 * a {@link DeliveryAttempt} of each, side by side. Every replica runs one; the claim keeps them off each other's rows.
 * A replica that dies mid-send leaves its claim to time out, and the delivery is sent again: at least once, with the
 * same id, which receivers use to drop repeats.
 */
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryClaims claims;
    private final DeliveryAttempt attempt;
    private final WebhookProperties properties;
    private final ExecutorService senders;
    private final Clock clock;

    DeliveryWorker(
            DeliveryClaims claims,
            DeliveryAttempt attempt,
            WebhookProperties properties,
            ExecutorService senders,
            Clock clock) {
        this.claims = claims;
        this.attempt = attempt;
        this.properties = properties;
        this.senders = senders;
        this.clock = clock;
    }

    /** Claims and sends one batch of due deliveries; answers how many it claimed. */
    int deliverDue() {
        Instant now = clock.instant();
        List<ClaimedDelivery> batch =
                claims.claim(now, ClaimBudget.of(properties.batchSize()), now.plus(properties.claimTimeout()));
        List<Future<?>> sending = new ArrayList<>(batch.size());
        for (ClaimedDelivery delivery : batch) {
            sending.add(senders.submit(() -> attempt.send(delivery)));
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
}
