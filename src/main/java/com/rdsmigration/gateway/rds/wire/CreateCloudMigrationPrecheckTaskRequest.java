package com.rdsmigration.gateway.rds.wire;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** CreateCloudMigrationPrecheckTask: starts a precheck (assessment) of migrating a self-managed PostgreSQL into the RDS instance. Without a task name the upstream makes one. */
public record CreateCloudMigrationPrecheckTaskRequest(
        String dbInstanceName,
        CloudMigrationSource source,
        @Nullable String taskName) implements RdsRequest {

    @Override
    public String action() {
        return RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK;
    }

    @Override
    public Map<String, String> toParameters() {
        Parameters parameters = new Parameters().put(RdsParameters.DB_INSTANCE_NAME, dbInstanceName);
        source.addTo(parameters);
        return parameters.put(RdsParameters.TASK_NAME, taskName).build();
    }
}
