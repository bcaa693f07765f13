package com.rdsmigration.gateway.imports;

import com.rdsmigration.gateway.intent.ScheduledReconciler;
import com.rdsmigration.gateway.system.ReconcilerProperties;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports have no name and none of the seven actions lists them, so a create whose answer was lost cannot be looked
 * up, and sending it again could copy the databases twice. An import left PENDING by a crash becomes UNKNOWN, and
 * every UNKNOWN import is reported until an operator settles it (the RDS console shows the instance's imports).
 */
@Component
class ImportReconciler extends ScheduledReconciler {

    private static final Logger log = LoggerFactory.getLogger(ImportReconciler.class);

    private final ImportStore store;

    ImportReconciler(ImportStore store, ReconcilerProperties properties, Clock clock) {
        super(properties, clock);
        this.store = store;
    }

    /** Marks abandoned PENDING imports UNKNOWN; answers how many imports are UNKNOWN now. */
    @Override
    protected int reconcile(Instant cutoff) {
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
