package com.rdsmigration.gateway.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries without a barrier between them: each claim takes only as many as this replica has free
 * {@link SendingSlots} for (per team and in all), starts each attempt at once on the senders, and every attempt that
 * ends frees its slot for the next claim. So a team's deliveries wait for nobody's attempts but a free slot, and a
 * team whose receivers never answer holds no more than its own share of the slots. Every replica runs one; the claim
 * keeps them off each other's rows. A replica that dies mid-send leaves its claims to time out, and the deliveries
 * are sent again: at least once, with the same id, which receivers use to drop repeats.
 */
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryClaims claims;
    private final DeliveryAttempt attempt;
    private final WebhookProperties properties;
    private final SendingSlots slots;
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
        this.slots = new SendingSlots(properties.concurrency(), properties.teamConcurrency());
        this.senders = senders;
        this.clock = clock;
    }

    /** Claims due deliveries for the free sending slots and starts them; answers how many it started. */
    synchronized int deliverDue() {
        ClaimBudget budget = slots.budget(properties.batchSize());
        if (budget.free() == 0) {
            return 0;
        }
        Instant now = clock.instant();
        List<ClaimedDelivery> claimed = claims.claim(now, budget, now.plus(properties.claimTimeout()));
        for (ClaimedDelivery delivery : claimed) {
            start(delivery);
        }
        return claimed.size();
    }

    /** The loop's run: one claim; a database outage is logged and the next run tries again. */
    void run() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // The database down shows as a CannotCreateTransactionException or TransactionSystemException, not only a
            // DataAccessException; the loop must outlive any of them.
            log.warn(
                    "Cannot work the webhook outbox now; the next run will retry: {}",
                    e.getClass().getSimpleName());
        }
    }

    /** Waits until an attempt ends (a slot is free) or {@link #wake()}, at most {@code timeout}. */
    void awaitFreedSlot(Duration timeout) throws InterruptedException {
        slots.awaitChange(timeout);
    }

    /** Ends a wait for a freed slot now. */
    void wake() {
        slots.wake();
    }

    /** Waits until no attempt is in flight, at most {@code timeout}; answers whether none is. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        return slots.awaitIdle(timeout);
    }

    private void start(ClaimedDelivery delivery) {
        slots.take(delivery.team());
        try {
            senders.execute(() -> {
                try {
                    attempt.send(delivery);
                } catch (RuntimeException e) {
                    log.warn("A webhook delivery attempt failed unexpectedly", e);
                } finally {
                    slots.release(delivery.team());
                }
            });
        } catch (RejectedExecutionException stopping) {
            // Shutting down: the claim times out and another replica (or this one, restarted) sends it.
            slots.release(delivery.team());
        }
    }
}
