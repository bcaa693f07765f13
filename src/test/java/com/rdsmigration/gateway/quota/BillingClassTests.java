package com.rdsmigration.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every action the gateway calls falls in the billing class whose free tier the upstream counts it against. */
class BillingClassTests {

    @Test
    void billsEveryDescribeAsAQueryThePrecheckCreationAsAnAssessmentAndTheRestAsMigrations() {
        Map<String, BillingClass> classes = new TreeMap<>();
        RdsActions.ALL.forEach(action -> classes.put(action, BillingClass.of(action)));

        assertThat(classes)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ImportDatabaseBetweenInstances", BillingClass.MIGRATE,
                        "CancelImport", BillingClass.MIGRATE,
                        "CreateCloudMigrationPrecheckTask", BillingClass.ASSESSMENT,
                        "DescribeCloudMigrationPrecheckResult", BillingClass.QUERY,
                        "CreateCloudMigrationTask", BillingClass.MIGRATE,
                        "DescribeCloudMigrationResult", BillingClass.QUERY,
                        "ActivateMigrationTargetInstance", BillingClass.MIGRATE,
                        "DescribeDBInstanceAttribute", BillingClass.QUERY));
    }
}
