package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.wire.ActivateMigrationTargetInstanceRequest;
import com.rdsmigration.gateway.rds.wire.ActivateMigrationTargetInstanceResponse;
import com.rdsmigration.gateway.rds.wire.CancelImportRequest;
import com.rdsmigration.gateway.rds.wire.CancelImportResponse;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationPrecheckTaskRequest;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationPrecheckTaskResponse;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationTaskRequest;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationTaskResponse;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationPrecheckResultRequest;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationPrecheckResultResponse;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationResultRequest;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationResultResponse;
import com.rdsmigration.gateway.rds.wire.DescribeDBInstanceAttributeRequest;
import com.rdsmigration.gateway.rds.wire.DescribeDBInstanceAttributeResponse;
import com.rdsmigration.gateway.rds.wire.ImportDatabaseBetweenInstancesRequest;
import com.rdsmigration.gateway.rds.wire.ImportDatabaseBetweenInstancesResponse;
import com.rdsmigration.gateway.rds.wire.RdsRequest;
import com.rdsmigration.gateway.rds.wire.RdsResponse;

/**
 * The RDS OpenAPI (2014-08-15), one method per action. Each call makes one or more signed attempts under the
 * Resilience4j policies of {@link RdsResilience}; a failure is a
 * {@link TransientRdsException} or a {@link NonTransientRdsException}. Source passwords the upstream echoes in its
 * Describe answers are dropped before they reach the caller.
 */
public class RdsClient {

    private final RdsTransport transport;
    private final RdsResilience resilience;
    private final String authMode;

    RdsClient(RdsTransport transport, RdsResilience resilience, String authMode) {
        this.transport = transport;
        this.resilience = resilience;
        this.authMode = authMode;
    }

    private <T extends RdsResponse> T call(RdsRequest request, Class<T> answer) {
        return call(request, answer, CallWrites.NONE);
    }

    private <T extends RdsResponse> T call(RdsRequest request, Class<T> answer, CallWrites<? super T> writes) {
        return resilience.call(request, writes, attempt -> transport.call(request, answer, attempt));
    }

    /** SQL Server: copies databases from one instance into another; answers the {@code ImportId}. */
    public ImportDatabaseBetweenInstancesResponse importDatabaseBetweenInstances(
            ImportDatabaseBetweenInstancesRequest request) {
        return importDatabaseBetweenInstances(request, CallWrites.NONE);
    }

    /**
     * SQL Server: copies databases from one instance into another; answers the {@code ImportId}. The caller's
     * {@code writes} are made in the call's own transactions: see {@link CallWrites}.
     */
    public ImportDatabaseBetweenInstancesResponse importDatabaseBetweenInstances(
            ImportDatabaseBetweenInstancesRequest request,
            CallWrites<? super ImportDatabaseBetweenInstancesResponse> writes) {
        return call(request, ImportDatabaseBetweenInstancesResponse.class, writes);
    }

    /** SQL Server: stops a running import. */
    public CancelImportResponse cancelImport(CancelImportRequest request) {
        return call(request, CancelImportResponse.class);
    }

    /** PostgreSQL: starts a cloud-migration precheck (assessment). */
    public CreateCloudMigrationPrecheckTaskResponse createCloudMigrationPrecheckTask(
            CreateCloudMigrationPrecheckTaskRequest request) {
        return createCloudMigrationPrecheckTask(request, CallWrites.NONE);
    }

    /** PostgreSQL: starts a cloud-migration precheck (assessment), with the caller's {@link CallWrites}. */
    public CreateCloudMigrationPrecheckTaskResponse createCloudMigrationPrecheckTask(
            CreateCloudMigrationPrecheckTaskRequest request,
            CallWrites<? super CreateCloudMigrationPrecheckTaskResponse> writes) {
        return call(request, CreateCloudMigrationPrecheckTaskResponse.class, writes);
    }

    /** PostgreSQL: reads precheck reports. */
    public DescribeCloudMigrationPrecheckResultResponse describeCloudMigrationPrecheckResult(
            DescribeCloudMigrationPrecheckResultRequest request) {
        return call(request, DescribeCloudMigrationPrecheckResultResponse.class).withoutPasswords();
    }

    /** PostgreSQL: starts a cloud migration; needs a passed precheck. */
    public CreateCloudMigrationTaskResponse createCloudMigrationTask(CreateCloudMigrationTaskRequest request) {
        return createCloudMigrationTask(request, CallWrites.NONE);
    }

    /** PostgreSQL: starts a cloud migration; needs a passed precheck. With the caller's {@link CallWrites}. */
    public CreateCloudMigrationTaskResponse createCloudMigrationTask(
            CreateCloudMigrationTaskRequest request, CallWrites<? super CreateCloudMigrationTaskResponse> writes) {
        return call(request, CreateCloudMigrationTaskResponse.class, writes);
    }

    /** PostgreSQL: reads migration progress (stage, replication state). */
    public DescribeCloudMigrationResultResponse describeCloudMigrationResult(
            DescribeCloudMigrationResultRequest request) {
        return call(request, DescribeCloudMigrationResultResponse.class).withoutPasswords();
    }

    /** PostgreSQL: switches over to the RDS instance; the migration must be in stage {@code increment}. */
    public ActivateMigrationTargetInstanceResponse activateMigrationTargetInstance(
            ActivateMigrationTargetInstanceRequest request) {
        return call(request, ActivateMigrationTargetInstanceResponse.class);
    }

    /**
     * Any engine: reads instances' attributes, among them the resource group each belongs to. A read, under the read
     * policy; an unknown instance fails the whole call with {@code InvalidDBInstanceId.NotFound}.
     */
    public DescribeDBInstanceAttributeResponse describeDBInstanceAttribute(DescribeDBInstanceAttributeRequest request) {
        return call(request, DescribeDBInstanceAttributeResponse.class);
    }

    /** How requests are authenticated: {@code v3}, {@code v1} or {@code bearer}. */
    public String authMode() {
        return authMode;
    }
}
