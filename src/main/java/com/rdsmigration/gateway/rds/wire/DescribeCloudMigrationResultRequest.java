package com.rdsmigration.gateway.rds.wire;

import java.util.Map;

/** DescribeCloudMigrationResult: the migration tasks of an instance that match a filter. */
public record DescribeCloudMigrationResultRequest(CloudMigrationTaskFilter filter) implements RdsRequest {

    @Override
    public String action() {
        return RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT;
    }

    @Override
    public Map<String, String> toParameters() {
        return filter.toParameters();
    }
}
