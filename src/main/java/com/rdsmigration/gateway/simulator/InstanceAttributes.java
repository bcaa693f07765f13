package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.wire.DBInstanceAttribute;

/**
 * Renders a simulated instance as an item of DescribeDBInstanceAttribute: a pay-as-you-go, high-availability primary
 * instance in a VPC of {@value #REGION}, unlocked, with the engine's usual version, port and a small instance class.
 * Only the id, engine, status and resource group vary from instance to instance.
 */
final class InstanceAttributes {

    static final String REGION = "cn-hangzhou";
    static final String ZONE = "cn-hangzhou-i";
    static final String CREATED = "2024-01-15T08:00:00Z";

    /** What an engine's instances have in common. */
    private record Profile(
            String version, String instanceClass, long memoryMb, String domain, String port, int maxConnections) {

        static Profile of(Engine engine) {
            return switch (engine) {
                case SQL_SERVER -> new Profile("2019_std_ha", "mssql.x4.medium.s2", 8192, "sqlserver", "1433", 2000);
                case POSTGRESQL -> new Profile("14.0", "pg.n2.2c.2m", 4096, "pg", "5432", 400);
                case MYSQL -> new Profile("8.0", "mysql.n2.medium.2c", 4096, "mysql", "3306", 2000);
            };
        }
    }

    private InstanceAttributes() {}

    static DBInstanceAttribute of(InstanceDirectory.Instance instance) {
        Profile profile = Profile.of(instance.engine());
        return new DBInstanceAttribute(
                instance.id(),
                instance.engine().wireName(),
                profile.version(),
                instance.status(),
                instance.resourceGroupId(),
                REGION,
                ZONE,
                "Primary",
                "Unlock",
                "",
                profile.instanceClass(),
                "2",
                profile.memoryMb(),
                100,
                "cloud_essd",
                "HighAvailability",
                "Postpaid",
                instance.id() + "." + profile.domain() + ".rds.aliyuncs.com",
                profile.port(),
                "Intranet",
                "VPC",
                profile.maxConnections(),
                6800,
                CREATED,
                "",
                "18:00Z-22:00Z",
                "");
    }
}
