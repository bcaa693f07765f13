/**
 * The background progress tracker of cloud migrations: the replica holding the {@link
 * com.rdsmigration.gateway.cloudmigration.tracking.TrackerLock} finds the active tasks due for a read ({@link
 * com.rdsmigration.gateway.cloudmigration.tracking.TrackedTaskQuery}), reads them an instance at a time with as few
 * Describe calls as it can ({@link com.rdsmigration.gateway.cloudmigration.tracking.InstanceReads}) and hands what it
 * found to the module's {@link com.rdsmigration.gateway.cloudmigration.ReadRecorder}, which schedules the next read
 * ({@link com.rdsmigration.gateway.cloudmigration.tracking.ReadSchedule}); {@link
 * com.rdsmigration.gateway.cloudmigration.tracking.TrackingMetrics} reports how the tracked tasks stand. Internal to
 * the cloud migration module: its public types are public for the module's base package, not for other modules.
 */
@NullMarked
package com.rdsmigration.gateway.cloudmigration.tracking;

import org.jspecify.annotations.NullMarked;
