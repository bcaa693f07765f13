package com.rdsmigration.gateway.simulator;

import org.jspecify.annotations.Nullable;

/**
 * The stages of a cloud migration as {@code MigrateStage} spells them (docs/rds-openapi-notes.md,
 * DescribeCloudMigrationResult), each with the {@code ReplicationState} it shows and the section and line it adds to
 * the progress log when it begins.
 */
enum MigrateStage {
    PRECHECK("precheck", "unstarted", null, null),
    BASEBACKUP("basebackup", "unstarted", "[Backup source data]", "Back up data from source to RDS by pg_basebackup"),
    STARTUP("startup", "catchup", "[Start RDS instance]", "Start RDS instance as slave for data replication"),
    INCREMENT(
            "increment",
            "streaming",
            "[Synchronize data]",
            "Synchronize data from source to RDS by streaming replication"),
    SWITCH("switch", "streaming", "[Switch over]", "Stop replication and promote RDS instance to primary"),
    SUCCESS("success", "finish", "[Finish migration]", "Migration finished, RDS instance is primary now");

    private final String wireName;
    private final String replicationState;
    private final @Nullable String section;
    private final @Nullable String logLine;

    MigrateStage(String wireName, String replicationState, @Nullable String section, @Nullable String logLine) {
        this.wireName = wireName;
        this.replicationState = replicationState;
        this.section = section;
        this.logLine = logLine;
    }

    String wireName() {
        return wireName;
    }

    String replicationState() {
        return replicationState;
    }

    @Nullable
    String section() {
        return section;
    }

    @Nullable
    String logLine() {
        return logLine;
    }

    /** Whether the replication link exists (from {@code startup} on). */
    boolean replicating() {
        return compareTo(STARTUP) >= 0;
    }
}
