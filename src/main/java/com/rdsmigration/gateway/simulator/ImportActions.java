package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.wire.CancelImportResponse;
import com.rdsmigration.gateway.rds.wire.ImportDatabaseBetweenInstancesResponse;
import com.rdsmigration.gateway.rds.wire.RdsParameters;
import java.util.Map;

/**
 * ImportDatabaseBetweenInstances and CancelImport (docs/rds-openapi-notes.md, "The actions"): SQL Server instances
 * only, both Running. The ImportId goes out as a JSON string of a number, as the current documentation types it.
 */
final class ImportActions {

    private final InstanceDirectory instances;
    private final ImportRegistry imports;

    ImportActions(InstanceDirectory instances, ImportRegistry imports) {
        this.instances = instances;
        this.imports = imports;
    }

    ImportDatabaseBetweenInstancesResponse importDatabases(ActionCall call) {
        String destination = call.required(RdsParameters.DB_INSTANCE_ID);
        String source = call.required(RdsParameters.SOURCE_DB_INSTANCE_ID);
        Map<String, String> databases = DbInfo.parse(call.required(RdsParameters.DB_INFO));
        if (destination.equals(source)) {
            throw RdsError.invalidParameter(
                    RdsParameters.SOURCE_DB_INSTANCE_ID, "The source and destination instances must differ.");
        }
        instances.require(destination, Engine.SQL_SERVER, true);
        instances.require(source, Engine.SQL_SERVER, true);
        ImportRegistry.ImportTask task = imports.create(destination, source, databases, call.now());
        return new ImportDatabaseBetweenInstancesResponse(call.requestId(), Long.toString(task.importId()));
    }

    CancelImportResponse cancel(ActionCall call) {
        String instanceId = call.required(RdsParameters.DB_INSTANCE_ID);
        long importId = call.requiredLong(RdsParameters.IMPORT_ID, 0, Long.MAX_VALUE);
        instances.require(instanceId, Engine.SQL_SERVER, true);
        imports.cancel(importId, instanceId, call.now());
        return new CancelImportResponse(call.requestId());
    }
}
