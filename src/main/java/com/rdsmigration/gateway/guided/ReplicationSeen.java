package com.rdsmigration.gateway.guided;

import com.rdsmigration.gateway.cloudmigration.CloudMigrations;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What a guided migration last read of its migration: the stage, the replication's state and its lag. */
@Embeddable
class ReplicationSeen {

    private @Nullable String stage;

    @Column(name = "replication_state")
    private @Nullable String state;

    @Column(name = "replay_lag_seconds")
    private @Nullable Long lagSeconds;

    /** Whether {@code migration} shows anything else. */
    boolean differs(CloudMigrations.Progress migration) {
        return !Objects.equals(stage, migration.stage())
                || !Objects.equals(state, migration.replicationState())
                || !Objects.equals(lagSeconds, migration.replayLagSeconds());
    }

    void record(CloudMigrations.Progress migration) {
        this.stage = migration.stage();
        this.state = migration.replicationState();
        this.lagSeconds = migration.replayLagSeconds();
    }

    @Nullable
    String stage() {
        return stage;
    }

    @Nullable
    String state() {
        return state;
    }

    @Nullable
    Long lagSeconds() {
        return lagSeconds;
    }
}
