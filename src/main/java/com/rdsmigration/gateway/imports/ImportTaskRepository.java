package com.rdsmigration.gateway.imports;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ImportTaskRepository extends JpaRepository<ImportTask, UUID>, JpaSpecificationExecutor<ImportTask> {}
