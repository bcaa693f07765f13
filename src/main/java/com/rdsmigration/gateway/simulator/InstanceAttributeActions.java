package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.wire.DBInstanceAttribute;
import com.rdsmigration.gateway.rds.wire.DescribeDBInstanceAttributeRequest;
import com.rdsmigration.gateway.rds.wire.DescribeDBInstanceAttributeResponse;
import com.rdsmigration.gateway.rds.wire.RdsParameters;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * DescribeDBInstanceAttribute (docs/rds-openapi-notes.md), on instances of any engine and state. {@code DBInstanceId}
 * names one instance or up to {@value DescribeDBInstanceAttributeRequest#MAX_INSTANCE_IDS} separated by commas (spaces
 * around them ignored, a repeated id answered once); an empty id in the list is invalid, and an unknown one fails the
 * whole call with {@code InvalidDBInstanceId.NotFound}.
 */
final class InstanceAttributeActions {

    private final InstanceDirectory instances;

    InstanceAttributeActions(InstanceDirectory instances) {
        this.instances = instances;
    }

    DescribeDBInstanceAttributeResponse describe(ActionCall call) {
        List<DBInstanceAttribute> attributes = ids(call.required(RdsParameters.DB_INSTANCE_ID)).stream()
                .map(instances::require)
                .map(InstanceAttributes::of)
                .toList();
        return DescribeDBInstanceAttributeResponse.of(call.requestId(), attributes);
    }

    static List<String> ids(String parameter) {
        String[] listed = parameter.split(",", -1);
        if (listed.length > DescribeDBInstanceAttributeRequest.MAX_INSTANCE_IDS) {
            throw RdsError.invalidParameter(
                    RdsParameters.DB_INSTANCE_ID,
                    "It names more than " + DescribeDBInstanceAttributeRequest.MAX_INSTANCE_IDS + " instances.");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : listed) {
            if (id.isBlank()) {
                throw RdsError.invalidParameter(RdsParameters.DB_INSTANCE_ID, "An instance id in the list is empty.");
            }
            ids.add(id.trim());
        }
        return List.copyOf(ids);
    }
}
