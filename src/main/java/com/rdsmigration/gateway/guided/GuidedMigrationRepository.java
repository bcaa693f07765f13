package com.rdsmigration.gateway.guided;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface GuidedMigrationRepository
        extends JpaRepository<GuidedMigration, UUID>, JpaSpecificationExecutor<GuidedMigration> {

    /** The guided migration with its row locked until the transaction ends: every change is made under this lock. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select guided from GuidedMigration guided where guided.id = :id")
    Optional<GuidedMigration> findLocked(UUID id);

    @Query("select guided.id from GuidedMigration guided where guided.status in :statuses order by guided.updatedAt")
    List<UUID> findIdsByStatusIn(Collection<GuidedStatus> statuses);

    @Query("select guided.status, count(guided) from GuidedMigration guided group by guided.status")
    List<Object[]> countByStatus();
}
