/**
 * SQL Server imports between RDS instances: {@code /api/v1/imports}, backed by the upstream actions
 * ImportDatabaseBetweenInstances and CancelImport. No upstream action reads an import's progress, so an import's
 * status is what the gateway knows: running once accepted, cancelled after a cancel, succeeded or failed when a
 * cancel is answered that the import had already ended.
 */
@NullMarked
@ApplicationModule(displayName = "Imports")
package com.rdsmigration.gateway.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
