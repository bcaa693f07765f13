package com.rdsmigration.gateway.rds.wire;

import java.util.List;
import java.util.Map;

/**
 * DescribeDBInstanceAttribute: the attributes (engine, status, resource group, ...) of one or more instances, at most
 * {@value #MAX_INSTANCE_IDS} in one call, sent as one comma-separated {@code DBInstanceId}.
 */
public record DescribeDBInstanceAttributeRequest(List<String> dbInstanceIds) implements RdsRequest {

    /** How many instance ids the upstream takes in one call. */
    public static final int MAX_INSTANCE_IDS = 30;

    public DescribeDBInstanceAttributeRequest {
        dbInstanceIds = List.copyOf(dbInstanceIds);
        if (dbInstanceIds.isEmpty() || dbInstanceIds.size() > MAX_INSTANCE_IDS) {
            throw new IllegalArgumentException(
                    "DescribeDBInstanceAttribute takes 1 to " + MAX_INSTANCE_IDS + " instance ids");
        }
        if (dbInstanceIds.stream().anyMatch(id -> id.isBlank() || id.contains(","))) {
            throw new IllegalArgumentException("An instance id is blank or holds a comma");
        }
    }

    public static DescribeDBInstanceAttributeRequest of(String... dbInstanceIds) {
        return new DescribeDBInstanceAttributeRequest(List.of(dbInstanceIds));
    }

    @Override
    public String action() {
        return RdsActions.DESCRIBE_DB_INSTANCE_ATTRIBUTE;
    }

    @Override
    public Map<String, String> toParameters() {
        return new Parameters()
                .put(RdsParameters.DB_INSTANCE_ID, String.join(",", dbInstanceIds))
                .build();
    }
}
