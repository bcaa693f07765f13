package com.rdsmigration.gateway.cloudmigration;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CloudMigrationTaskRepository
        extends JpaRepository<CloudMigrationTask, UUID>, JpaSpecificationExecutor<CloudMigrationTask> {

    boolean existsByKindAndTargetInstanceIdAndStatusIn(TaskKind kind, String target, Collection<String> statuses);

    List<CloudMigrationTask> findByStatusInAndUpdatedAtBefore(Collection<String> statuses, Instant cutoff);
}
