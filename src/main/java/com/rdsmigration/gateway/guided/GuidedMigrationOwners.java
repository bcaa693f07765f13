package com.rdsmigration.gateway.guided;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which team owns a guided migration, for modules that refer to one by its id (a webhook subscription to it) and must
 * check that their caller may see it.
 */
@Component
public class GuidedMigrationOwners {

    private final GuidedMigrationRepository repository;

    GuidedMigrationOwners(GuidedMigrationRepository repository) {
        this.repository = repository;
    }

    /** The team that owns the guided migration with this id; empty when there is none. */
    @Transactional(readOnly = true)
    public Optional<String> teamOf(UUID id) {
        return repository.findById(id).map(GuidedMigration::getTeam);
    }
}
