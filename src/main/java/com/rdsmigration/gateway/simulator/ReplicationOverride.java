package com.rdsmigration.gateway.simulator;

import org.jspecify.annotations.Nullable;

/**
 * The replication state and replay lag set through the control API for an instance's migrations, so that tests and
 * trials can drive a lagging or disconnected replica. They show only while the replication link exists and the
 * switchover has not begun ({@code startup} and {@code increment}); stages still advance on the clock alone. A field
 * left {@code null} shows what the stage itself shows.
 *
 * @param state the {@code ReplicationState} and {@code ReplicationInfo.Status} shown instead of the stage's
 * @param replayLagSeconds the {@code ReplicationInfo.ReplayLag} shown instead of the stage's, in whole seconds
 */
record ReplicationOverride(
        @Nullable ReplicationState state, @Nullable Integer replayLagSeconds) {

    static final ReplicationOverride NONE = new ReplicationOverride(null, null);

    /** This override with the fields {@code update} sets replaced: what {@code update} leaves out keeps its value. */
    ReplicationOverride with(ReplicationOverride update) {
        return new ReplicationOverride(
                update.state != null ? update.state : state,
                update.replayLagSeconds != null ? update.replayLagSeconds : replayLagSeconds);
    }

    /** The replication state a migration in {@code stage} shows. */
    String state(MigrateStage stage) {
        return state != null && appliesTo(stage) ? state.wireName() : stage.replicationState();
    }

    /** The replay lag, in seconds, a migration in {@code stage} shows, given the one its stage has. */
    long replayLagSeconds(MigrateStage stage, long stageLag) {
        return replayLagSeconds != null && appliesTo(stage) ? replayLagSeconds : stageLag;
    }

    private static boolean appliesTo(MigrateStage stage) {
        return stage.replicating() && stage.compareTo(MigrateStage.SWITCH) < 0;
    }
}
