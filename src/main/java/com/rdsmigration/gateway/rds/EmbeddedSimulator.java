package com.rdsmigration.gateway.rds;

import java.util.Locale;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * Whether the upstream is the simulator embedded in this very gateway: the simulator is on and {@code rds.endpoint}
 * names this gateway's own port on the loopback interface. Only then do the simulator's demo credentials apply; any
 * other endpoint, Alibaba Cloud's above all, gets the credentials configured for it (or the default chain), so a trial
 * that points the embedded default at another endpoint never signs with the demo keys and blames the real ones.
 */
final class EmbeddedSimulator {

    static final String OWN_PORT = "${local.server.port}";

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private EmbeddedSimulator() {}

    /** {@code endpoint} as configured (it may still hold {@value #OWN_PORT}, resolved only at the first call). */
    static boolean isUpstream(String endpoint, Environment environment) {
        if (!environment.getProperty("rds.simulator.enabled", Boolean.class, true)) {
            return false;
        }
        String authority = endpoint.replaceFirst("^(?i)https?://", "").replaceFirst("/.*$", "");
        int colon = authority.lastIndexOf(':');
        if (colon < 0 || !LOOPBACK.contains(authority.substring(0, colon).toLowerCase(Locale.ROOT))) {
            return false;
        }
        String port = authority.substring(colon + 1);
        return port.equals(OWN_PORT) || port.equals(environment.getProperty("server.port", "8080"));
    }
}
