package com.rdsmigration.gateway.cloudmigration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A team alerts on one field: a running migration whose replication is down is DEGRADED, a failed one FAILED. */
class MigrationHealthTests {

    @Test
    void aRunningMigrationWithADisconnectedReplicationIsDegraded() {
        assertThat(MigrationHealth.of(TaskStatus.RUNNING, "disconnect")).isEqualTo(MigrationHealth.DEGRADED);
        assertThat(MigrationHealth.of(TaskStatus.SWITCHING, "disconnect")).isEqualTo(MigrationHealth.DEGRADED);
    }

    @Test
    void aFailedMigrationIsFailedWhateverItsReplication() {
        assertThat(MigrationHealth.of(TaskStatus.FAILED, "streaming")).isEqualTo(MigrationHealth.FAILED);
        assertThat(MigrationHealth.of(TaskStatus.FAILED, null)).isEqualTo(MigrationHealth.FAILED);
    }

    @Test
    void streamingNotYetStartedOrFinishedMigrationsAreHealthy() {
        assertThat(MigrationHealth.of(TaskStatus.RUNNING, "streaming")).isEqualTo(MigrationHealth.HEALTHY);
        assertThat(MigrationHealth.of(TaskStatus.RUNNING, null)).isEqualTo(MigrationHealth.HEALTHY);
        assertThat(MigrationHealth.of(TaskStatus.PENDING, null)).isEqualTo(MigrationHealth.HEALTHY);
        assertThat(MigrationHealth.of(TaskStatus.SUCCEEDED, "disconnect"))
                .as("a link that goes down after the switchover is no alarm")
                .isEqualTo(MigrationHealth.HEALTHY);
    }
}
