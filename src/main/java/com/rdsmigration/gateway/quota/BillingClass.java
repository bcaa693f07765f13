package com.rdsmigration.gateway.quota;

import com.rdsmigration.gateway.rds.wire.RdsActions;

/** How the upstream bills an action: each class has its own free tier. */
enum BillingClass {
    /** Creating a cloud-migration assessment (precheck): no free tier. */
    ASSESSMENT,
    /** The actions that migrate: imports, their cancellation, migrations, switchovers. */
    MIGRATE,
    /** The Describe actions. */
    QUERY;

    static BillingClass of(String action) {
        if (RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK.equals(action)) {
            return ASSESSMENT;
        }
        return RdsActions.isRead(action) ? QUERY : MIGRATE;
    }
}
