package com.rdsmigration.gateway.rds.wire;

import java.util.Map;

/** A request of one action, as the business parameters that go on the wire. */
public sealed interface RdsRequest
        permits ImportDatabaseBetweenInstancesRequest,
                CancelImportRequest,
                CreateCloudMigrationPrecheckTaskRequest,
                DescribeCloudMigrationPrecheckResultRequest,
                CreateCloudMigrationTaskRequest,
                DescribeCloudMigrationResultRequest,
                ActivateMigrationTargetInstanceRequest,
                DescribeDBInstanceAttributeRequest {

    /** The action this request is for. */
    String action();

    /** The business parameters, in a stable order, without the ones left unset. */
    Map<String, String> toParameters();
}
