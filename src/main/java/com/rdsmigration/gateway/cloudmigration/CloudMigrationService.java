package com.rdsmigration.gateway.cloudmigration;

import com.rdsmigration.gateway.intent.IntentProtocol;
import com.rdsmigration.gateway.ownership.InstanceOwnership;
import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import com.rdsmigration.gateway.rds.TransientRdsException;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.rds.wire.RdsParameters;
import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.web.ListParams;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * Creates prechecks and migrations under the {@link IntentProtocol} ({@link CloudMigrationCreation}), keeps their
 * state no older than the staleness limit, and switches over only after a fresh read shows stage {@code increment}.
 */
@Service
class CloudMigrationService {

    private static final Logger log = LoggerFactory.getLogger(CloudMigrationService.class);
    static final String SWITCHOVER_STAGE = "increment";

    private final CloudMigrationStore store;
    private final CloudMigrationUpstream upstream;
    private final CoalescedTaskReads reads;
    private final IntentProtocol intents;
    private final InstanceOwnership ownership;

    CloudMigrationService(
            CloudMigrationStore store,
            CloudMigrationUpstream upstream,
            CoalescedTaskReads reads,
            IntentProtocol intents,
            InstanceOwnership ownership) {
        this.store = store;
        this.upstream = upstream;
        this.reads = reads;
        this.intents = intents;
        this.ownership = ownership;
    }

    CloudMigrationTask createPrecheck(Caller caller, CreatePrecheckRequest request) {
        requireOwned(caller, TaskKind.PRECHECK, request.targetInstanceId());
        return create(NewTask.of(
                TaskKind.PRECHECK,
                caller.team(),
                request.targetInstanceId(),
                request.source(),
                name(request.taskName())));
    }

    CloudMigrationTask createMigration(Caller caller, CreateMigrationRequest request) {
        requireOwned(caller, TaskKind.MIGRATION, request.targetInstanceId());
        if (request.precheckId() != null) {
            requirePassedPrecheck(caller, request);
        }
        return create(NewTask.of(
                        TaskKind.MIGRATION,
                        caller.team(),
                        request.targetInstanceId(),
                        request.source(),
                        name(request.taskName()))
                .withPrecheck(request.precheckId()));
    }

    /** Lists come from the store only; a list never reads upstream. */
    Page<CloudMigrationTask> list(Caller caller, TaskKind kind, @Nullable TaskStatus status, ListParams params) {
        return store.list(caller, kind, status, params);
    }

    /**
     * The task, read again from upstream when the stored state is too old and the task can still change; concurrent
     * requests for one task share that read.
     */
    CloudMigrationTask get(Caller caller, TaskKind kind, UUID id) {
        CloudMigrationTask task = store.get(id, kind, caller);
        try {
            return reads.current(task);
        } catch (TransientRdsException e) {
            log.warn("Serving stored state of {} {}: upstream read failed ({})", kind, id, e.getMessage());
            return task;
        }
    }

    CloudMigrationTask switchover(Caller caller, UUID id) {
        CloudMigrationTask task = store.get(id, TaskKind.MIGRATION, caller);
        // Again at switchover: a team whose instance was taken from it since the create no longer acts on it.
        ownership.requireOwned(
                caller,
                RdsActions.ACTIVATE_MIGRATION_TARGET_INSTANCE,
                Map.of(RdsParameters.DB_INSTANCE_NAME, task.getTargetInstanceId()));
        if (task.getGovernedBy() != null) {
            throw conflict(
                    task,
                    "guided migration " + task.getGovernedBy() + " drives it; its cutover is approved and started"
                            + " there (/api/v1/guided-migrations/" + task.getGovernedBy() + ")");
        }
        if (task.getTaskId() == null) {
            throw conflict(task, "the migration is " + task.getStatus() + " and has no upstream task yet");
        }
        if (task.getSwitchTaskId() != null) {
            throw conflict(task, "a switchover was already requested (upstream task " + task.getSwitchTaskId() + ")");
        }
        return activate(task);
    }

    /** Switches {@code task} over after a fresh read shows stage {@code increment}; the caller checked the rest. */
    CloudMigrationTask activate(CloudMigrationTask task) {
        CloudMigrationTask fresh = reads.readNow(task);
        if (!SWITCHOVER_STAGE.equals(fresh.getStage())) {
            throw conflict(fresh, "its stage is " + fresh.getStage() + "; a switchover needs stage increment");
        }
        long switchTaskId = upstream.activate(fresh.getTargetInstanceId());
        return store.switchoverRequested(task.getId(), switchTaskId);
    }

    /** Creates the task under the intent protocol; a migration only on an instance no other migration occupies. */
    CloudMigrationTask create(NewTask task) {
        if (task.kind() == TaskKind.MIGRATION && store.hasActiveMigration(task.target())) {
            // Says only that the instance is busy: the migration may be another team's (an admin's, or before the
            // instance changed hands), and an answer never names another team's work.
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "Instance " + task.target() + " is busy: a migration is already in progress on it, and a"
                            + " switchover acts on the whole instance, so only one migration may run on it at a time.");
        }
        return intents.create(new CloudMigrationCreation(store, upstream, task));
    }

    private static String name(@Nullable String requested) {
        return requested != null ? requested : TaskNames.generate();
    }

    /** Checked once per create, before the precheck it names is even read. */
    private void requireOwned(Caller caller, TaskKind kind, String target) {
        ownership.requireOwned(
                caller,
                kind == TaskKind.PRECHECK
                        ? RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK
                        : RdsActions.CREATE_CLOUD_MIGRATION_TASK,
                Map.of(RdsParameters.DB_INSTANCE_NAME, target));
    }

    private void requirePassedPrecheck(Caller caller, CreateMigrationRequest request) {
        CloudMigrationTask precheck;
        try {
            precheck = get(caller, TaskKind.PRECHECK, Objects.requireNonNull(request.precheckId()));
        } catch (ProblemException notFound) {
            throw invalidPrecheck("refers to no precheck of your team");
        }
        MigrationSource checked = precheck.getSource();
        if (!precheck.getTargetInstanceId().equals(request.targetInstanceId())
                || !checked.host().equals(request.source().host())
                || !checked.port().equals(request.source().port())) {
            throw invalidPrecheck("is a precheck of another target instance or source");
        }
        if (precheck.getStatus() != TaskStatus.PASSED) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "Precheck " + precheck.getId() + " is " + precheck.getStatus()
                            + "; a migration needs a PASSED one.");
        }
    }

    private static ProblemException conflict(CloudMigrationTask task, String reason) {
        return new ProblemException(
                        ProblemType.CONFLICT, "Cannot switch over migration " + task.getId() + ": " + reason + ".")
                .with("stage", task.getStage());
    }

    private static ProblemException invalidPrecheck(String reason) {
        return new ProblemException(ProblemType.VALIDATION_FAILED, "The precheckId " + reason + ".")
                .with("errors", java.util.List.of(java.util.Map.of("field", "precheckId", "message", reason)));
    }
}
