package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Routes an authenticated call to its action after checking that it names the API version {@code 2014-08-15} and
 * one of the actions the simulator knows: the seven migration actions and DescribeDBInstanceAttribute.
 */
final class ActionDispatcher {

    private final Map<String, Function<ActionCall, Object>> actions;

    ActionDispatcher(
            ImportActions imports,
            PrecheckActions prechecks,
            MigrationActions migrations,
            InstanceAttributeActions attributes) {
        this.actions = Map.of(
                RdsActions.IMPORT_DATABASE_BETWEEN_INSTANCES, imports::importDatabases,
                RdsActions.CANCEL_IMPORT, imports::cancel,
                RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK, prechecks::create,
                RdsActions.DESCRIBE_CLOUD_MIGRATION_PRECHECK_RESULT, prechecks::describe,
                RdsActions.CREATE_CLOUD_MIGRATION_TASK, migrations::create,
                RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, migrations::describe,
                RdsActions.ACTIVATE_MIGRATION_TARGET_INSTANCE, migrations::activate,
                RdsActions.DESCRIBE_DB_INSTANCE_ATTRIBUTE, attributes::describe);
    }

    /** The success answer of the action, one of the {@code rds.wire} response records. */
    Object dispatch(@Nullable String action, @Nullable String version, ActionCall call) {
        if (action == null || action.isEmpty()) {
            throw RdsError.missingParameter("Action");
        }
        if (version == null || version.isEmpty()) {
            throw RdsError.missingParameter("Version");
        }
        if (!RdsActions.VERSION.equals(version)) {
            throw RdsError.invalidParameter("Action or Version");
        }
        Function<ActionCall, Object> handler = actions.get(action);
        if (handler == null) {
            throw new RdsError(
                    404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
        }
        return handler.apply(call);
    }
}
