package com.rdsmigration.gateway.rds.wire;

/** Names of the business request parameters of the actions the gateway calls, exactly as the upstream spells them. */
public final class RdsParameters {

    public static final String DB_INSTANCE_ID = "DBInstanceId";
    public static final String SOURCE_DB_INSTANCE_ID = "SourceDBInstanceId";
    public static final String DB_INFO = "DBInfo";
    public static final String IMPORT_ID = "ImportId";
    public static final String RESOURCE_GROUP_ID = "ResourceGroupId";

    public static final String DB_INSTANCE_NAME = "DBInstanceName";
    public static final String SOURCE_IP_ADDRESS = "SourceIpAddress";
    public static final String SOURCE_PORT = "SourcePort";
    public static final String SOURCE_ACCOUNT = "SourceAccount";
    public static final String SOURCE_PASSWORD = "SourcePassword";
    public static final String SOURCE_CATEGORY = "SourceCategory";
    public static final String TASK_NAME = "TaskName";
    public static final String TASK_ID = "TaskId";
    public static final String PAGE_NUMBER = "PageNumber";
    public static final String PAGE_SIZE = "PageSize";

    public static final String SWITCH_TIME_MODE = "SwitchTimeMode";
    public static final String FORCE_SWITCH = "ForceSwitch";
    public static final String SWITCH_TIME = "SwitchTime";

    private RdsParameters() {}
}
