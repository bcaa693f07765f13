package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.wire.RdsParameters;
import java.util.List;
import java.util.Locale;

/**
 * The self-managed PostgreSQL a precheck or migration reads from, as the create actions receive it. A source in
 * 192.0.2.0/24 (TEST-NET-1) is unreachable: its precheck fails the connectivity checks.
 *
 * @param category the {@code SourceCategory} in lower case, which is how the real service echoes it
 */
record MigrationSource(String ipAddress, long port, String account, String password, String category) {

    static final List<String> CATEGORIES = List.of("idcOnVpc", "ecsOnVpc", "internet", "aliyunRDS", "other");
    static final String UNREACHABLE_NETWORK = "192.0.2.";

    static MigrationSource from(ActionCall call) {
        String ipAddress = call.required(RdsParameters.SOURCE_IP_ADDRESS).trim();
        long port = call.requiredLong(RdsParameters.SOURCE_PORT, 1, 65_535);
        String account = call.required(RdsParameters.SOURCE_ACCOUNT);
        String password = call.required(RdsParameters.SOURCE_PASSWORD);
        String category = call.required(RdsParameters.SOURCE_CATEGORY);
        if (CATEGORIES.stream().noneMatch(category::equalsIgnoreCase)) {
            throw RdsError.invalidParameter(
                    RdsParameters.SOURCE_CATEGORY, "It must be one of " + String.join(", ", CATEGORIES) + ".");
        }
        return new MigrationSource(ipAddress, port, account, password, category.toLowerCase(Locale.ROOT));
    }

    boolean unreachable() {
        if (!ipAddress.startsWith(UNREACHABLE_NETWORK)) {
            return false;
        }
        String host = ipAddress.substring(UNREACHABLE_NETWORK.length());
        return host.matches("\\d{1,3}") && Integer.parseInt(host) <= 255;
    }

    boolean isAt(String otherIpAddress, long otherPort) {
        return ipAddress.equals(otherIpAddress) && port == otherPort;
    }

    @Override
    public String toString() {
        return "MigrationSource[" + account + "@" + ipAddress + ":" + port + ", category=" + category
                + ", password=******]";
    }
}
