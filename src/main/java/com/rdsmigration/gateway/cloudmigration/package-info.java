/**
 * PostgreSQL cloud migration onto RDS: prechecks ({@code /api/v1/cloud-migration-prechecks}), migrations and their
 * switchover ({@code /api/v1/cloud-migrations}), backed by the five cloud-migration actions of the RDS OpenAPI.
 * Upstream state is read again when the stored copy is older than {@code gateway.tracking.max-staleness}, once for
 * all concurrent requests of a task; a background tracker, run by one replica at a time, follows every active task on
 * an adaptive schedule ({@code tracking}), records each stage once and publishes {@link
 * com.rdsmigration.gateway.cloudmigration.CloudMigrationChanged} once per change.
 *
 * <p>Other modules use {@link com.rdsmigration.gateway.cloudmigration.CloudMigrationChanged} and {@link
 * com.rdsmigration.gateway.cloudmigration.CloudMigrationOwners}. The few other public types here (task kinds and
 * states, {@code UpstreamState}, {@code CloudMigrationUpstream}, {@code ReadRecorder}) are public for the {@code
 * tracking} subpackage, which reads and records through them.
 */
@NullMarked
@ApplicationModule(displayName = "Cloud migration")
package com.rdsmigration.gateway.cloudmigration;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
