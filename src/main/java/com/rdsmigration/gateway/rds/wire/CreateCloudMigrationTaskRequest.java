package com.rdsmigration.gateway.rds.wire;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** CreateCloudMigrationTask: starts the migration of a self-managed PostgreSQL into the RDS instance; a passed precheck must come first. Without a task name the upstream makes one. */
public record CreateCloudMigrationTaskRequest(
        String dbInstanceName,
        CloudMigrationSource source,
        @Nullable String taskName) implements RdsRequest {

    @Override
    public String action() {
        return RdsActions.CREATE_CLOUD_MIGRATION_TASK;
    }

    @Override
    public Map<String, String> toParameters() {
        Parameters parameters = new Parameters().put(RdsParameters.DB_INSTANCE_NAME, dbInstanceName);
        source.addTo(parameters);
        return parameters.put(RdsParameters.TASK_NAME, taskName).build();
    }
}
