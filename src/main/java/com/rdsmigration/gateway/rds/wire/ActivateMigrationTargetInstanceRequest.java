package com.rdsmigration.gateway.rds.wire;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ActivateMigrationTargetInstance: switches workloads over to the RDS instance once its migration is in stage
 * {@code increment}. {@code switchTimeMode} {@code 0} switches at once; {@code forceSwitch} {@code 1} forces it.
 */
public record ActivateMigrationTargetInstanceRequest(
        String dbInstanceName,
        @Nullable String switchTimeMode,
        @Nullable String forceSwitch) implements RdsRequest {

    /** An immediate switchover. */
    public static ActivateMigrationTargetInstanceRequest immediate(String dbInstanceName) {
        return new ActivateMigrationTargetInstanceRequest(dbInstanceName, "0", null);
    }

    @Override
    public String action() {
        return RdsActions.ACTIVATE_MIGRATION_TARGET_INSTANCE;
    }

    @Override
    public Map<String, String> toParameters() {
        return new Parameters()
                .put(RdsParameters.DB_INSTANCE_NAME, dbInstanceName)
                .put(RdsParameters.SWITCH_TIME_MODE, switchTimeMode)
                .put(RdsParameters.FORCE_SWITCH, forceSwitch)
                .build();
    }
}
