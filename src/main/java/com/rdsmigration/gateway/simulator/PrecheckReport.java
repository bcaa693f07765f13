package com.rdsmigration.gateway.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a finished precheck, in the documented {@code Detail} format (docs/rds-openapi-notes.md,
 * DescribeCloudMigrationPrecheckResult): {@code [section]} lines, {@code Check ...: success|warning(...)|failed(...)}
 * lines, and a last line {@code *Migrate check success*} or {@code *Migrate check failed*}. A reachable source passes
 * with the documented glibc warning; an unreachable one fails every connectivity check, and the checks that need a
 * connection are not run.
 */
final class PrecheckReport {

    static final String PASSED = "*Migrate check success*";
    static final String FAILED = "*Migrate check failed*";
    private static final String GLIBC_WARNING = "warning(warning:source glibc version is not compatible with rds pg)";

    private PrecheckReport() {}

    static String of(MigrationSource source) {
        List<String> lines = new ArrayList<>(List.of("[Check rds empty]", "Check rds databases: success"));
        lines.add("[Check source connectivity]");
        if (source.unreachable()) {
            String unreachable = "failed(source database not connectable)";
            lines.add("Check ip connectable: failed(ip " + source.ipAddress() + " is not reachable from the VPC)");
            lines.add("Check port connectable: failed(port " + source.port() + " of " + source.ipAddress()
                    + " is not reachable)");
            lines.add("Check database connectable: failed(connection to " + source.ipAddress() + ":" + source.port()
                    + " timed out)");
            lines.add("Check account replication privilege: " + unreachable);
            lines.add("Check account createrole privilege: " + unreachable);
            lines.add("Check account monitor privilege: " + unreachable);
            lines.add(FAILED);
            return String.join("\n", lines);
        }
        lines.addAll(List.of(
                "Check ip connectable: success",
                "Check port connectable: success",
                "Check database connectable: success",
                "Check account replication privilege: success",
                "Check account createrole privilege: success",
                "Check account monitor privilege: success",
                "[Check source version]",
                "Check major version consistent: success",
                "[Check source glibc version]",
                "Check source glibc version compatible: " + GLIBC_WARNING,
                "[Check disk size]",
                "Check disk size enough: success",
                "[Check wal keep size]",
                "Check wal keep size large enough: success",
                "[Check spec params]",
                "Check if spec params too large: success",
                "[Check triggers]",
                "Check triggers compatible: success",
                "[Check user functions]",
                "Check user functions compatible: success",
                PASSED));
        return String.join("\n", lines);
    }
}
