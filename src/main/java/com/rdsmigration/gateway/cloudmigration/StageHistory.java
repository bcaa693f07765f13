package com.rdsmigration.gateway.cloudmigration;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stages a migration has been seen in, each once with the time it was first seen: a row is inserted only when none
 * exists for the task and stage, in the caller's transaction, which holds the task's row lock; the primary key on
 * (task, stage) stands behind that, so two replicas that see a stage together can never record it twice.
 */
@Component
class StageHistory {

    private final JdbcClient jdbc;

    StageHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records {@code stage} as first seen at {@code at} unless it is recorded already; answers whether it was new. */
    boolean recordFirstSeen(UUID task, String stage, Instant at) {
        return jdbc.sql("insert into migration_stage_history (task_id, stage, first_seen_at) select :task, :stage, :at"
                                + " where not exists (select 1 from migration_stage_history where task_id = :task"
                                + " and stage = :stage)")
                        .param("task", task)
                        .param("stage", stage)
                        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .update()
                == 1;
    }
}
