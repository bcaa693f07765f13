package com.rdsmigration.gateway.system;

/**
 * The longest values of the fields the API shows, stated as the API document's bounds: mostly the widths of the
 * columns that store them, which no stored value can exceed.
 */
public final class FieldLimits {

    /** A team's name ({@code team varchar(64)}). */
    public static final int TEAM = 64;

    /** An RDS instance id ({@code *_instance_id varchar(64)}); requests check the same with their patterns. */
    public static final int INSTANCE_ID = 64;

    /** An upstream RequestId ({@code request_id varchar(64)}). */
    public static final int UPSTREAM_REQUEST_ID = 64;

    /** An upstream error code ({@code upstream_code varchar(128)}). */
    public static final int UPSTREAM_CODE = 128;

    /** A cloud-migration task name ({@code task_name varchar(64)}); requests check the same with their pattern. */
    public static final int TASK_NAME = 64;

    /** A MigrateStage or replication state as the upstream names it ({@code varchar(16)}). */
    public static final int UPSTREAM_STATE = 16;

    /**
     * Text the gateway passes on whole from the upstream, such as a precheck report: nothing narrower than Java's own
     * bound on a string (or a list) holds for it.
     */
    public static final int PASSED_ON = Integer.MAX_VALUE;

    private FieldLimits() {}
}
