package com.rdsmigration.gateway.rds.wire;

/**
 * The self-managed PostgreSQL a cloud migration reads from. The password is sent upstream and nowhere else; it is
 * left out of {@link #toString()}.
 */
public record CloudMigrationSource(String ipAddress, long port, String account, String password, String category) {

    void addTo(Parameters parameters) {
        parameters
                .put(RdsParameters.SOURCE_IP_ADDRESS, ipAddress)
                .put(RdsParameters.SOURCE_PORT, port)
                .put(RdsParameters.SOURCE_ACCOUNT, account)
                .put(RdsParameters.SOURCE_PASSWORD, password)
                .put(RdsParameters.SOURCE_CATEGORY, category);
    }

    @Override
    public String toString() {
        return "CloudMigrationSource[" + account + "@" + ipAddress + ":" + port + ", category=" + category
                + ", password=******]";
    }
}
