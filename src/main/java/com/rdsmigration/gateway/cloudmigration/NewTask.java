package com.rdsmigration.gateway.cloudmigration;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A precheck or migration about to be created: everything its intent records. The id is chosen before anything is
 * stored, so a caller that records it elsewhere first (a guided migration) finds the task again after a crash.
 *
 * @param precheckId the passed precheck a migration is created with, if named
 * @param governedBy the guided migration that drives the migration, if any: it alone may switch it over
 */
record NewTask(
        UUID id,
        TaskKind kind,
        String team,
        String target,
        MigrationSource source,
        String taskName,
        @Nullable UUID precheckId,
        @Nullable UUID governedBy) {

    static NewTask of(TaskKind kind, String team, String target, MigrationSource source, String taskName) {
        return new NewTask(UUID.randomUUID(), kind, team, target, source, taskName, null, null);
    }

    NewTask withPrecheck(@Nullable UUID precheck) {
        return new NewTask(id, kind, team, target, source, taskName, precheck, governedBy);
    }
}
