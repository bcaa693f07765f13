package com.rdsmigration.gateway.cloudmigration;

/** Where a precheck stands: its report decides between PASSED and FAILED once it is complete. */
enum PrecheckStatus {
    PENDING,
    UNKNOWN,
    RUNNING,
    PASSED,
    FAILED
}
