package com.rdsmigration.gateway.cloudmigration;

import com.rdsmigration.gateway.cloudmigration.tracking.TrackerLock;
import com.rdsmigration.gateway.cloudmigration.tracking.TrackingProperties;
import com.rdsmigration.gateway.problem.ProblemException;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prechecks and migrations as another module drives them (a guided migration): created under the same intent
 * protocol, quota and audit as through the API, but with ids chosen beforehand, so that a driver that records the id
 * first finds its task again after a crash. Ownership is the driver's to check, as the API's controllers do.
 */
@Component
public class CloudMigrations {

    /**
     * A precheck or migration as a driver sees it.
     *
     * @param stage the upstream MigrateStage (migrations)
     * @param replayLagSeconds {@code ReplayLag} of the upstream's replication info, when it gives one
     * @param switchTaskId the upstream task of a switchover the gateway heard accepted
     * @param failure why a FAILED task failed, in words (a precheck's failed checks)
     */
    public record Progress(
            UUID id,
            TaskStatus status,
            @Nullable String stage,
            @Nullable String replicationState,
            @Nullable Long replayLagSeconds,
            @Nullable Long switchTaskId,
            @Nullable String failure) {}

    private final CloudMigrationService service;
    private final CloudMigrationStore store;
    private final CoalescedTaskReads reads;
    private final TrackerLock lock;
    private final TrackingProperties tracking;

    CloudMigrations(
            CloudMigrationService service,
            CloudMigrationStore store,
            CoalescedTaskReads reads,
            TrackerLock lock,
            TrackingProperties tracking) {
        this.service = service;
        this.store = store;
        this.reads = reads;
        this.lock = lock;
        this.tracking = tracking;
    }

    /**
     * Whether this replica leads the background work on cloud migrations now: it holds the progress tracker's lock
     * (taking it when free, renewing it when due), unless it takes no part in tracking ({@code
     * gateway.tracking.tracker-enabled}). A driver of guided migrations runs on the same replica.
     */
    public boolean leads() {
        return tracking.trackerEnabled() && lock.hold();
    }

    /** Creates precheck {@code id} for {@code team}, unless it is recorded already (then it is answered as it is). */
    public Progress createPrecheck(UUID id, String team, String target, MigrationSource source, String taskName) {
        return find(id).orElseGet(() ->
                created(id, new NewTask(id, TaskKind.PRECHECK, team, target, source, taskName, null, null)));
    }

    /**
     * Creates migration {@code id} with a passed precheck, governed by {@code guidedBy}: only it may switch the
     * migration over. A migration recorded already is answered as it is.
     */
    public Progress createMigration(
            UUID id,
            UUID guidedBy,
            String team,
            String target,
            MigrationSource source,
            String taskName,
            UUID precheckId) {
        return find(id).orElseGet(() ->
                created(id, new NewTask(id, TaskKind.MIGRATION, team, target, source, taskName, precheckId, guidedBy)));
    }

    /**
     * Creates {@code task}; when its intent is refused because another create of the same id got there first (another
     * replica, or the request that is creating it while the driver looks), that one is followed instead.
     */
    private Progress created(UUID id, NewTask task) {
        try {
            return progress(service.create(task));
        } catch (ProblemException conflict) {
            return find(id).orElseThrow(() -> conflict);
        }
    }

    /** The task as stored, read again from upstream when too old and still able to change; empty if never recorded. */
    public Optional<Progress> find(UUID id) {
        return store.findIfPresent(id).map(reads::current).map(CloudMigrations::progress);
    }

    /** The task as the upstream reports it now. */
    public Progress readNow(UUID id) {
        return progress(reads.readNow(store.find(id)));
    }

    /**
     * Switches migration {@code id} over: one ActivateMigrationTargetInstance after a fresh read shows stage {@code
     * increment}. A problem when the stage is another; an upstream failure is passed on as it came.
     */
    public Progress activate(UUID id) {
        return progress(service.activate(store.find(id)));
    }

    private static Progress progress(CloudMigrationTask task) {
        return new Progress(
                task.getId(),
                task.getStatus(),
                task.getStage(),
                task.getReplicationState(),
                replayLag(task.getReplicationInfo()),
                task.getSwitchTaskId(),
                task.getStatus() == TaskStatus.FAILED ? failure(task) : null);
    }

    private static String failure(CloudMigrationTask task) {
        if (task.getKind() == TaskKind.PRECHECK) {
            String failed = PrecheckReport.parse(task.getDetail()).failedChecks().stream()
                    .map(check -> check.group().isEmpty() ? check.item() : check.group() + ": " + check.item())
                    .collect(Collectors.joining("; "));
            if (!failed.isEmpty()) {
                return "the precheck failed: " + failed;
            }
        }
        return "the " + task.getKind().name().toLowerCase(java.util.Locale.ROOT) + " ended FAILED upstream";
    }

    /** {@code ReplayLag} in whole seconds; {@code null} when absent or not a number. */
    static @Nullable Long replayLag(@Nullable String replicationInfo) {
        if (replicationInfo == null || replicationInfo.isBlank()) {
            return null;
        }
        try {
            JsonNode lag = JsonMapper.shared().readTree(replicationInfo).path("ReplayLag");
            String text = lag.isValueNode() ? lag.asString().trim() : "";
            return text.isEmpty() ? null : Math.round(Double.parseDouble(text));
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
