package com.rdsmigration.gateway.rds.wire;

import java.util.Map;

/**
 * ImportDatabaseBetweenInstances: copies databases from {@code sourceDbInstanceId} into {@code dbInstanceId} (the
 * destination). {@code dbInfo} is JSON text such as {@code {"DBNames":{"src":"dst"}}}.
 */
public record ImportDatabaseBetweenInstancesRequest(String dbInstanceId, String sourceDbInstanceId, String dbInfo)
        implements RdsRequest {

    @Override
    public String action() {
        return RdsActions.IMPORT_DATABASE_BETWEEN_INSTANCES;
    }

    @Override
    public Map<String, String> toParameters() {
        return new Parameters()
                .put(RdsParameters.DB_INSTANCE_ID, dbInstanceId)
                .put(RdsParameters.SOURCE_DB_INSTANCE_ID, sourceDbInstanceId)
                .put(RdsParameters.DB_INFO, dbInfo)
                .build();
    }
}
