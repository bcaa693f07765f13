/**
 * Guided migrations ({@code /api/v1/guided-migrations}): one PostgreSQL cloud migration driven by the gateway from
 * precheck to a governed cutover. It composes the {@code cloudmigration} module's prechecks and migrations (created
 * with ids it records first, visible in their own endpoints) and holds the cutover until its gates pass: approvals by
 * someone other than the creator, a maintenance window, a streaming replication within the lag allowed. A {@link
 * com.rdsmigration.gateway.guided.GuidedMigrationChanged} is published on every status change.
 */
@NullMarked
@ApplicationModule(displayName = "Guided migrations")
package com.rdsmigration.gateway.guided;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
