package com.rdsmigration.gateway.rds.wire;

import java.util.Set;

/**
 * The RDS OpenAPI actions the gateway calls, and the API version they belong to: the seven migration actions and
 * DescribeDBInstanceAttribute, which tells an instance's resource group.
 */
public final class RdsActions {

    public static final String VERSION = "2014-08-15";

    public static final String IMPORT_DATABASE_BETWEEN_INSTANCES = "ImportDatabaseBetweenInstances";
    public static final String CANCEL_IMPORT = "CancelImport";
    public static final String CREATE_CLOUD_MIGRATION_PRECHECK_TASK = "CreateCloudMigrationPrecheckTask";
    public static final String DESCRIBE_CLOUD_MIGRATION_PRECHECK_RESULT = "DescribeCloudMigrationPrecheckResult";
    public static final String CREATE_CLOUD_MIGRATION_TASK = "CreateCloudMigrationTask";
    public static final String DESCRIBE_CLOUD_MIGRATION_RESULT = "DescribeCloudMigrationResult";
    public static final String ACTIVATE_MIGRATION_TARGET_INSTANCE = "ActivateMigrationTargetInstance";
    /** Instance details; the gateway reads an instance's {@code ResourceGroupId} from it. */
    public static final String DESCRIBE_DB_INSTANCE_ATTRIBUTE = "DescribeDBInstanceAttribute";

    public static final Set<String> ALL = Set.of(
            IMPORT_DATABASE_BETWEEN_INSTANCES,
            CANCEL_IMPORT,
            CREATE_CLOUD_MIGRATION_PRECHECK_TASK,
            DESCRIBE_CLOUD_MIGRATION_PRECHECK_RESULT,
            CREATE_CLOUD_MIGRATION_TASK,
            DESCRIBE_CLOUD_MIGRATION_RESULT,
            ACTIVATE_MIGRATION_TARGET_INSTANCE,
            DESCRIBE_DB_INSTANCE_ATTRIBUTE);

    /** The read-only actions; every other one changes upstream state. */
    public static final Set<String> READS = Set.of(
            DESCRIBE_CLOUD_MIGRATION_PRECHECK_RESULT, DESCRIBE_CLOUD_MIGRATION_RESULT, DESCRIBE_DB_INSTANCE_ATTRIBUTE);

    private RdsActions() {}

    /** The actions that create an upstream task: what the upstream's daily task limit counts. */
    public static final Set<String> TASK_CREATIONS = Set.of(
            IMPORT_DATABASE_BETWEEN_INSTANCES, CREATE_CLOUD_MIGRATION_PRECHECK_TASK, CREATE_CLOUD_MIGRATION_TASK);

    public static boolean isRead(String action) {
        return READS.contains(action);
    }
}
