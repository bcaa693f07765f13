package com.rdsmigration.gateway.cloudmigration;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CloudMigrationTaskRepository
        extends JpaRepository<CloudMigrationTask, UUID>, JpaSpecificationExecutor<CloudMigrationTask> {

    boolean existsByKindAndTargetInstanceIdAndStatusIn(TaskKind kind, String target, Collection<TaskStatus> statuses);

    List<CloudMigrationTask> findByStatusInAndUpdatedAtBefore(Collection<TaskStatus> statuses, Instant cutoff);

    /**
     * The task with its row locked until the transaction ends: every change to a task is made under this lock, so
     * changes from several replicas are made one after the other, each seeing the one before.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select task from CloudMigrationTask task where task.id = :id")
    Optional<CloudMigrationTask> findLocked(UUID id);
}
