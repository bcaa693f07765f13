package com.rdsmigration.gateway.rds.wire;

import java.util.Map;

/** DescribeCloudMigrationPrecheckResult: the precheck reports of an instance that match a filter. */
public record DescribeCloudMigrationPrecheckResultRequest(CloudMigrationTaskFilter filter) implements RdsRequest {

    @Override
    public String action() {
        return RdsActions.DESCRIBE_CLOUD_MIGRATION_PRECHECK_RESULT;
    }

    @Override
    public Map<String, String> toParameters() {
        return filter.toParameters();
    }
}
