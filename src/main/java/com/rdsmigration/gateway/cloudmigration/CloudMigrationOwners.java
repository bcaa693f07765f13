package com.rdsmigration.gateway.cloudmigration;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which team owns a precheck or migration, for modules that refer to one by its gateway id (a webhook subscription
 * to one task) and must check that their caller may see it.
 */
@Component
public class CloudMigrationOwners {

    private final CloudMigrationTaskRepository repository;

    CloudMigrationOwners(CloudMigrationTaskRepository repository) {
        this.repository = repository;
    }

    /** The team that owns the task with this gateway id; empty when there is none. */
    @Transactional(readOnly = true)
    public Optional<String> teamOf(UUID id) {
        return repository.findById(id).map(CloudMigrationTask::getTeam);
    }
}
