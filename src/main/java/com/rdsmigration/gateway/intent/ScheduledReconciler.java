package com.rdsmigration.gateway.intent;

import com.rdsmigration.gateway.system.ReconcilerProperties;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * When a reconciler runs: at start-up and every {@code gateway.reconciler.interval}, over the tasks the {@link
 * IntentProtocol} left unresolved longer than {@code gateway.reconciler.grace} ago (a younger one may still be on its
 * way). A feature says only how it settles them.
 */
public abstract class ScheduledReconciler {

    private final ReconcilerProperties properties;
    private final Clock clock;

    protected ScheduledReconciler(ReconcilerProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStartup() {
        reconcile();
    }

    @Scheduled(
            fixedDelayString = "${gateway.reconciler.interval:1m}",
            initialDelayString = "${gateway.reconciler.interval:1m}")
    public void periodically() {
        reconcile();
    }

    /** Settles what can be settled now; answers the count the feature reports. */
    public int reconcile() {
        return reconcile(clock.instant().minus(properties.grace()));
    }

    /** Settles the tasks left unresolved since before {@code cutoff}; answers the count the feature reports. */
    protected abstract int reconcile(Instant cutoff);
}
