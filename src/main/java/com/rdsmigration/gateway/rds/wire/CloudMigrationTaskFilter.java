package com.rdsmigration.gateway.rds.wire;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which cloud-migration tasks of an instance a Describe call returns: one page (numbered from 1), optionally only
 * those with a task id, task name or source address. Both cloud-migration Describe actions take it.
 */
public record CloudMigrationTaskFilter(
        String dbInstanceName,
        long pageNumber,
        long pageSize,
        @Nullable Long taskId,
        @Nullable String taskName,
        @Nullable String sourceIpAddress,
        @Nullable Long sourcePort) {

    /** The page size the upstream uses when none is given. */
    public static final long DEFAULT_PAGE_SIZE = 30;

    public static CloudMigrationTaskFilter page(String dbInstanceName, long pageNumber, long pageSize) {
        return new CloudMigrationTaskFilter(dbInstanceName, pageNumber, pageSize, null, null, null, null);
    }

    public static CloudMigrationTaskFilter byTaskId(String dbInstanceName, long taskId) {
        return new CloudMigrationTaskFilter(dbInstanceName, 1, DEFAULT_PAGE_SIZE, taskId, null, null, null);
    }

    public static CloudMigrationTaskFilter byTaskName(String dbInstanceName, String taskName) {
        return new CloudMigrationTaskFilter(dbInstanceName, 1, DEFAULT_PAGE_SIZE, null, taskName, null, null);
    }

    Map<String, String> toParameters() {
        return new Parameters()
                .put(RdsParameters.DB_INSTANCE_NAME, dbInstanceName)
                .put(RdsParameters.PAGE_NUMBER, pageNumber)
                .put(RdsParameters.PAGE_SIZE, pageSize)
                .put(RdsParameters.TASK_ID, taskId)
                .put(RdsParameters.TASK_NAME, taskName)
                .put(RdsParameters.SOURCE_IP_ADDRESS, sourceIpAddress)
                .put(RdsParameters.SOURCE_PORT, sourcePort)
                .build();
    }
}
