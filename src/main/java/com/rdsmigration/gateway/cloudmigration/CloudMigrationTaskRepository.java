package com.rdsmigration.gateway.cloudmigration;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CloudMigrationTaskRepository
        extends JpaRepository<CloudMigrationTask, UUID>, JpaSpecificationExecutor<CloudMigrationTask> {}
