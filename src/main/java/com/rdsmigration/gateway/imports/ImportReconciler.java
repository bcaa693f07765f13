package com.rdsmigration.gateway.imports;

import com.rdsmigration.gateway.system.ReconcilerProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Imports have no name and none of the seven actions lists them, so a create whose answer was lost cannot be looked
 * up, and sending it again could copy the databases twice. An import left PENDING by a crash becomes UNKNOWN, and
 * every UNKNOWN import is reported until an operator settles it (the RDS console shows the instance's imports).
 */
@Component
class ImportReconciler {

    private static final Logger log = LoggerFactory.getLogger(ImportReconciler.class);

    private final ImportStore store;
    private final ReconcilerProperties properties;
    private final Clock clock;

    ImportReconciler(ImportStore store, ReconcilerProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        reconcile();
    }

    @Scheduled(
            fixedDelayString = "${gateway.reconciler.interval:1m}",
            initialDelayString = "${gateway.reconciler.interval:1m}")
    void periodically() {
        reconcile();
    }

    /** Marks abandoned PENDING imports UNKNOWN; answers how many imports are UNKNOWN now. */
    int reconcile() {
        var cutoff = clock.instant().minus(properties.grace());
        store.pendingBefore(cutoff).forEach(task -> store.moveTo(task.getId(), ImportStatus.UNKNOWN));
        var unknown = store.withStatus(ImportStatus.UNKNOWN);
        unknown.forEach(task -> log.warn(
                "Import {} of team {} ({} -> {}) has an unknown outcome: check the target instance's imports in the"
                        + " RDS console, then cancel or keep it.",
                task.getId(),
                task.getTeam(),
                task.getSourceInstanceId(),
                task.getTargetInstanceId()));
        return unknown.size();
    }
}
