package com.rdsmigration.gateway.guided;

import com.rdsmigration.gateway.cloudmigration.MigrationSource;
import com.rdsmigration.gateway.cloudmigration.TaskNames;
import com.rdsmigration.gateway.ownership.InstanceOwnership;
import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.rds.wire.RdsParameters;
import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.web.ListParams;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * What people do to guided migrations: create one (its precheck is created in the same request, so a refusal answers
 * at once and leaves nothing behind), approve its cutover, start the cutover by hand, cancel it, retry a failed
 * precheck. The {@link GuidedMigrationDriver} does the rest.
 */
@Service
class GuidedMigrationService {

    private final GuidedMigrationStore store;
    private final GuidedMigrationDriver driver;
    private final GuidedSteps steps;
    private final InstanceOwnership ownership;
    private final SourcePasswords passwords;

    GuidedMigrationService(
            GuidedMigrationStore store,
            GuidedMigrationDriver driver,
            GuidedSteps steps,
            InstanceOwnership ownership,
            SourcePasswords passwords) {
        this.store = store;
        this.driver = driver;
        this.steps = steps;
        this.ownership = ownership;
        this.passwords = passwords;
    }

    GuidedMigration create(Caller caller, CreateGuidedMigrationRequest request) {
        String target = Objects.requireNonNull(request.targetInstanceId());
        requireOwned(caller, RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK, target);
        CutoverRequest cutover =
                request.cutover() != null ? request.cutover() : new CutoverRequest(null, null, null, null);
        CutoverPolicy policy = new CutoverPolicy(
                cutover.approvals(), Windows.of(cutover.window()), cutover.notBefore(), cutover.maxLag());
        MigrationSource source = Objects.requireNonNull(request.source());
        UUID id = UUID.randomUUID();
        GuidedMigration guided = store.create(new GuidedMigration(
                id,
                caller.team(),
                caller.principal(),
                target,
                source,
                passwords.seal(id, Objects.requireNonNull(source.password())),
                request.taskName() != null ? request.taskName() : TaskNames.generate(),
                policy,
                store.now()));
        try {
            steps.createPrecheckNow(guided);
        } catch (RuntimeException refused) {
            // Nothing was created upstream, and nothing is kept: the create is answered as refused.
            store.delete(id);
            throw refused;
        }
        return store.find(id).orElseThrow();
    }

    GuidedMigration get(Caller caller, UUID id) {
        return store.get(id, caller);
    }

    Page<GuidedMigration> list(Caller caller, @Nullable GuidedStatus status, ListParams params) {
        return store.list(caller, status, params);
    }

    GuidedMigration approve(Caller caller, UUID id, String comment) {
        return store.change(id, caller, guided -> {
            if (guided.getCreatedBy().equals(caller.principal())) {
                throw new ProblemException(
                        ProblemType.SELF_APPROVAL,
                        "Guided migration " + id + " was created by you; its cutover is approved by someone else.");
            }
            if (guided.getStatus().isFinal() || guided.getStatus() == GuidedStatus.SWITCHING) {
                throw conflict(guided, "its cutover is already decided");
            }
            if (guided.approvedBy(caller.principal())) {
                throw conflict(guided, "you approved it already; one approval per caller");
            }
            guided.approve(new Approval(caller.principal(), store.now(), comment));
        });
    }

    /**
     * Starts the cutover now, outside the window: only while AWAITING_CUTOVER, with every approval given, and with the
     * replication streaming within the lag allowed unless {@code acceptLag}. The Activate is sent in this request.
     */
    GuidedMigration cutover(Caller caller, UUID id, boolean acceptLag) {
        GuidedMigration visible = store.get(id, caller);
        requireOwned(caller, RdsActions.ACTIVATE_MIGRATION_TARGET_INSTANCE, visible.getTargetInstanceId());
        store.change(id, caller, guided -> {
            if (guided.getStatus() != GuidedStatus.AWAITING_CUTOVER) {
                throw conflict(guided, "a cutover is started only while AWAITING_CUTOVER");
            }
            List<Blocker> blockers = CutoverGates.blockers(guided, store.now()).stream()
                    .filter(blocker -> blocker.code() != Blocker.Code.WINDOW_NOT_OPEN)
                    .filter(blocker -> !acceptLag || blocker.code() == Blocker.Code.APPROVAL_PENDING)
                    .toList();
            if (!blockers.isEmpty()) {
                throw conflict(guided, blockers.get(0).detail()).with("blockers", blockers);
            }
            guided.requestCutover(caller.principal(), acceptLag, store.now());
        });
        driver.drive(id);
        return store.get(id, caller);
    }

    GuidedMigration cancel(Caller caller, UUID id) {
        return store.change(id, caller, guided -> {
            if (!GuidedStatus.CANCELLABLE.contains(guided.getStatus())) {
                throw conflict(guided, "a guided migration is cancelled only before its cutover");
            }
            guided.moveTo(
                    GuidedStatus.CANCELLED,
                    store.now(),
                    "cancelled by " + caller.principal() + "; the gateway no longer drives it. RDS has no cancel for"
                            + " cloud migrations: a migration already created keeps replicating until it is released"
                            + " in the RDS console");
        });
    }

    /** A new precheck after PRECHECK_FAILED, created in this request. */
    GuidedMigration retry(Caller caller, UUID id) {
        GuidedMigration visible = store.get(id, caller);
        requireOwned(caller, RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK, visible.getTargetInstanceId());
        store.change(id, caller, guided -> {
            if (guided.getStatus() != GuidedStatus.PRECHECK_FAILED) {
                throw conflict(guided, "only a guided migration whose precheck failed is retried");
            }
            guided.newPrecheck();
            guided.moveTo(GuidedStatus.PENDING, store.now(), "retried by " + caller.principal());
        });
        driver.drive(id);
        return store.get(id, caller);
    }

    private void requireOwned(Caller caller, String action, String target) {
        ownership.requireOwned(caller, action, Map.of(RdsParameters.DB_INSTANCE_NAME, target));
    }

    private static ProblemException conflict(GuidedMigration guided, String reason) {
        return new ProblemException(
                        ProblemType.CONFLICT,
                        "Guided migration " + guided.getId() + " is " + guided.getStatus() + ": " + reason + ".")
                .with("guidedMigrationStatus", guided.getStatus().name());
    }
}
