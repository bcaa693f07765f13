package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.wire.RdsParameters;
import java.util.Map;

/**
 * How long an RPC parameter may be ({@code rds.simulator.max-parameter-length}, {@code max-db-info-length}). Tasks
 * keep what their create calls sent (instance ids, the source, task names) for as long as they are kept, so each
 * value is bounded where it comes in; a longer one answers {@code InvalidParameter} naming the parameter, as any other
 * invalid value does.
 */
record ParameterLimits(int maxLength, int maxDbInfoLength) {

    /** Checked against its configured token during authentication and never kept; an STS token can be long. */
    private static final String SECURITY_TOKEN = "SecurityToken";

    private static final int MAX_NAME_SHOWN = 100;

    void check(Map<String, String> parameters) {
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (SECURITY_TOKEN.equals(name)) {
                continue;
            }
            int limit = RdsParameters.DB_INFO.equals(name) ? maxDbInfoLength : maxLength;
            if (name.length() > maxLength || parameter.getValue().length() > limit) {
                throw RdsError.invalidParameter(
                        name.length() > MAX_NAME_SHOWN ? name.substring(0, MAX_NAME_SHOWN) : name,
                        "It is longer than the " + limit + " characters the simulator accepts.");
            }
        }
    }
}
