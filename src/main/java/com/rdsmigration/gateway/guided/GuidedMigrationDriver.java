package com.rdsmigration.gateway.guided;

import com.rdsmigration.gateway.cloudmigration.CloudMigrations;
import com.rdsmigration.gateway.cloudmigration.CloudMigrations.Progress;
import com.rdsmigration.gateway.cloudmigration.TaskStatus;
import com.rdsmigration.gateway.security.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drives every guided migration one step at a time: precheck, migration, the wait in {@code increment}, the cutover
 * and the end. Each step records its transition before the upstream call it leads to, and makes it only from the
 * status it read (under the row's lock), so a step taken twice, by two replicas or after a crash, changes nothing the
 * second time: exactly one precheck and one migration per id chosen beforehand, exactly one Activate per cutover
 * decided. Runs every {@code gateway.guided.check-period} on the replica that leads the tracking, and at once in the
 * request that creates, retries or starts the cutover of one. Its upstream calls are the team's, audited and counted
 * as the team's.
 */
@Component
class GuidedMigrationDriver {

    static final String PRINCIPAL = "guided-migration-driver";

    private static final Logger log = LoggerFactory.getLogger(GuidedMigrationDriver.class);
    private static final Set<String> SWITCHED_STAGES = Set.of("switch", "success");

    private final GuidedMigrationStore store;
    private final CloudMigrations migrations;
    private final GuidedSteps steps;
    private final GuidedMetrics metrics;

    GuidedMigrationDriver(
            GuidedMigrationStore store, CloudMigrations migrations, GuidedSteps steps, GuidedMetrics metrics) {
        this.store = store;
        this.migrations = migrations;
        this.steps = steps;
        this.metrics = metrics;
    }

    @Scheduled(fixedDelayString = "${gateway.guided.check-period:1s}")
    void check() {
        if (migrations.leads()) {
            driveAll();
        }
    }

    /** One step of every guided migration still driven; answers how many there were. */
    int driveAll() {
        List<UUID> driven;
        try {
            driven = store.driven();
        } catch (RuntimeException e) {
            log.warn("Cannot list the guided migrations to drive: {}", e.getMessage());
            return 0;
        }
        for (UUID id : driven) {
            drive(id);
        }
        metrics.refresh();
        return driven.size();
    }

    /** One step of guided migration {@code id}, whatever failed on the way (it is logged and tried again later). */
    void drive(UUID id) {
        try {
            store.find(id).ifPresent(this::step);
        } catch (RuntimeException e) {
            log.warn("Cannot advance guided migration {} now: {}", id, e.getMessage());
        }
    }

    private void step(GuidedMigration guided) {
        // In a request of the team (a retry, a cutover started by hand) its caller acts; else the driver, as the team.
        Caller team = Caller.current()
                .filter(caller -> caller.team().equals(guided.getTeam()))
                .orElseGet(() -> new Caller(guided.getTeam(), false, PRINCIPAL));
        switch (guided.getStatus()) {
            case PENDING -> team.act(() -> steps.createPrecheck(guided));
            case PRECHECKING -> afterPrecheck(guided, team);
            case MIGRATING -> migrating(guided, team);
            case AWAITING_CUTOVER -> team.act(() -> awaiting(guided));
            case SWITCHING -> switching(guided);
            default -> {
                // Nothing to drive.
            }
        }
    }

    private void afterPrecheck(GuidedMigration guided, Caller team) {
        Progress precheck = migrations.find(guided.getPrecheckId()).orElse(null);
        if (precheck == null) {
            team.act(() -> steps.createPrecheck(guided));
        } else if (precheck.status() == TaskStatus.PASSED) {
            store.advance(guided.getId(), GuidedStatus.PRECHECKING, found -> {
                        UUID migration = found.planMigration();
                        found.moveTo(
                                GuidedStatus.MIGRATING,
                                store.now(),
                                "precheck " + precheck.id() + " passed; migration " + migration + " is created");
                    })
                    .ifPresent(migrating -> team.act(() -> steps.createMigration(migrating)));
        } else if (precheck.status() == TaskStatus.FAILED) {
            steps.end(guided, GuidedStatus.PRECHECKING, GuidedStatus.PRECHECK_FAILED, precheck.failure());
        }
    }

    private void migrating(GuidedMigration guided, Caller team) {
        Progress migration = migrations.find(guided.getMigrationId()).orElse(null);
        if (migration == null) {
            team.act(() -> steps.createMigration(guided));
        } else if (migration.status() == TaskStatus.FAILED) {
            steps.end(guided, GuidedStatus.MIGRATING, GuidedStatus.FAILED, migration.failure());
        } else {
            steps.migrationSeen(guided, migration);
        }
    }

    private Void awaiting(GuidedMigration guided) {
        Progress migration = migrations.find(guided.getMigrationId()).orElseThrow();
        if (migration.status() == TaskStatus.FAILED) {
            steps.end(guided, GuidedStatus.AWAITING_CUTOVER, GuidedStatus.FAILED, migration.failure());
            return null;
        }
        GuidedMigration seen = steps.observed(guided, migration);
        if (switched(migration)) {
            // Switched over without the gateway (in the console): nothing is left to decide, only to follow.
            steps.end(
                    seen,
                    GuidedStatus.AWAITING_CUTOVER,
                    GuidedStatus.SWITCHING,
                    "the upstream shows stage " + migration.stage()
                            + ": the migration was switched over outside the gateway");
            return null;
        }
        Instant now = store.now();
        List<Blocker> blockers = CutoverGates.blockers(seen, now);
        metrics.blocked(seen.getId(), blockers, now);
        if (blockers.isEmpty()) {
            // The gates passed on the stored state: confirm them on a fresh read before the irreversible step.
            GuidedMigration confirmed = steps.observed(seen, migrations.readNow(seen.getMigrationId()));
            if (CutoverGates.blockers(confirmed, store.now()).isEmpty()) {
                steps.cutover(confirmed);
            }
        }
        return null;
    }

    private void switching(GuidedMigration guided) {
        if (guided.getSwitchTaskId() == null
                && !SWITCHED_STAGES.contains(
                        String.valueOf(guided.getReplication().stage()))) {
            // Decided, but the Activate's answer was never heard and its effect not seen yet.
            steps.settleLostActivate(guided);
            return;
        }
        Progress migration = migrations.find(guided.getMigrationId()).orElseThrow();
        if (migration.status() == TaskStatus.SUCCEEDED) {
            steps.end(guided, GuidedStatus.SWITCHING, GuidedStatus.SUCCEEDED, "the upstream shows stage success");
        } else if (migration.status() == TaskStatus.FAILED) {
            steps.end(guided, GuidedStatus.SWITCHING, GuidedStatus.FAILED, migration.failure());
        } else {
            steps.observed(guided, migration);
        }
    }

    static boolean switched(Progress migration) {
        return migration.stage() != null && SWITCHED_STAGES.contains(migration.stage());
    }
}
