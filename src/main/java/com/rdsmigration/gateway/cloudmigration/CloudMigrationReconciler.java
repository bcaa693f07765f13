package com.rdsmigration.gateway.cloudmigration;

import com.rdsmigration.gateway.intent.ScheduledReconciler;
import com.rdsmigration.gateway.rds.RdsException;
import com.rdsmigration.gateway.system.ReconcilerProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resolves prechecks and migrations left PENDING or UNKNOWN by a lost answer or a crash: the gateway's task name is
 * unique on the instance, so the upstream either lists it (the task is recorded with its id) or does not (the intent
 * never became a task and is dropped). Runs at start-up and every {@code gateway.reconciler.interval}.
 */
@Component
class CloudMigrationReconciler extends ScheduledReconciler {

    private static final Logger log = LoggerFactory.getLogger(CloudMigrationReconciler.class);

    private final CloudMigrationStore store;
    private final CloudMigrationUpstream upstream;

    CloudMigrationReconciler(
            CloudMigrationStore store, CloudMigrationUpstream upstream, ReconcilerProperties properties, Clock clock) {
        super(properties, clock);
        this.store = store;
        this.upstream = upstream;
    }

    /** Reconciles every unresolved task older than the grace period; answers how many it resolved. */
    @Override
    protected int reconcile(Instant cutoff) {
        List<CloudMigrationTask> unresolved = store.unresolvedBefore(cutoff);
        int resolved = 0;
        for (CloudMigrationTask task : unresolved) {
            try {
                var taskId = upstream.findTaskId(task);
                if (taskId.isPresent()) {
                    store.accepted(task.getId(), taskId.get(), null);
                    log.info("Reconciled {} {}: upstream task {}", task.getKind(), task.getId(), taskId.get());
                } else {
                    store.forget(task.getId());
                    log.info("Reconciled {} {}: never reached the upstream, dropped", task.getKind(), task.getId());
                }
                resolved++;
            } catch (RdsException e) {
                log.warn("Cannot reconcile {} {} yet: {}", task.getKind(), task.getId(), e.getMessage());
            }
        }
        return resolved;
    }
}
