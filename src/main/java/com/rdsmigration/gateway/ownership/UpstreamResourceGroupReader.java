package com.rdsmigration.gateway.ownership;

import com.rdsmigration.gateway.rds.NonTransientRdsException;
import com.rdsmigration.gateway.rds.RdsClient;
import com.rdsmigration.gateway.rds.wire.DBInstanceAttribute;
import com.rdsmigration.gateway.rds.wire.DescribeDBInstanceAttributeRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads an instance's group with {@code DescribeDBInstanceAttribute}: a read like any other, signed, rate-limited,
 * audited as the caller whose request needed it and counted in its quota. An instance the upstream does not know
 * belongs to no group, so no team owns it by group.
 */
@Component
class UpstreamResourceGroupReader implements ResourceGroupReader {

    static final String NOT_FOUND = "InvalidDBInstanceId.NotFound";

    private final RdsClient rds;

    UpstreamResourceGroupReader(RdsClient rds) {
        this.rds = rds;
    }

    @Override
    public Optional<String> read(String instanceId) {
        try {
            return rds.describeDBInstanceAttribute(DescribeDBInstanceAttributeRequest.of(instanceId))
                    .attributesOf(instanceId)
                    .map(DBInstanceAttribute::resourceGroupId);
        } catch (NonTransientRdsException e) {
            if (NOT_FOUND.equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
