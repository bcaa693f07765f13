package com.rdsmigration.gateway.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a migration stands at a given time, computed from the clock alone: one stage per stage duration through
 * {@code precheck}, {@code basebackup}, {@code startup} to {@code increment}, which lasts until a switchover; then
 * {@code switch} for one stage and {@code success}. {@code history} lists every stage reached with the time it began.
 */
record MigrationProgress(List<Entered> history) {

    private static final MigrateStage[] AUTOMATIC = {
        MigrateStage.PRECHECK, MigrateStage.BASEBACKUP, MigrateStage.STARTUP, MigrateStage.INCREMENT
    };

    /** A stage and when it began. */
    record Entered(MigrateStage stage, Instant at) {}

    static MigrationProgress of(Instant createdAt, @Nullable Instant activatedAt, Instant now, StageClock clock) {
        List<Entered> history = new ArrayList<>();
        long reached = Math.min(clock.stagesElapsed(createdAt, now), AUTOMATIC.length - 1);
        for (int i = 0; i <= reached; i++) {
            history.add(new Entered(AUTOMATIC[i], clock.stageStart(createdAt, i)));
        }
        if (activatedAt != null) {
            history.add(new Entered(MigrateStage.SWITCH, activatedAt));
            if (clock.stagesElapsed(activatedAt, now) >= 1) {
                history.add(new Entered(MigrateStage.SUCCESS, clock.stageStart(activatedAt, 1)));
            }
        }
        return new MigrationProgress(List.copyOf(history));
    }

    MigrateStage stage() {
        return last().stage();
    }

    /** When the current stage began: the task's {@code GmtModified}. */
    Instant modifiedAt() {
        return last().at();
    }

    /** When the switchover completed, once it has. */
    @Nullable
    Instant switchTime() {
        return stage() == MigrateStage.SUCCESS ? modifiedAt() : null;
    }

    /** When replication began ({@code startup}), if it has. */
    @Nullable
    Instant replicationStartedAt() {
        return history.stream()
                .filter(entered -> entered.stage() == MigrateStage.STARTUP)
                .map(Entered::at)
                .findFirst()
                .orElse(null);
    }

    private Entered last() {
        return history.get(history.size() - 1);
    }
}
