package com.rdsmigration.gateway.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ImportTaskRepository extends JpaRepository<ImportTask, UUID>, JpaSpecificationExecutor<ImportTask> {

    List<ImportTask> findByStatusAndUpdatedAtBefore(ImportStatus status, Instant cutoff);

    List<ImportTask> findByStatus(ImportStatus status);
}
