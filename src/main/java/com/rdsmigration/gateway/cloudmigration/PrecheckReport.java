package com.rdsmigration.gateway.cloudmigration;

import com.rdsmigration.gateway.system.FieldLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the precheck report of DescribeCloudMigrationPrecheckResult's {@code Detail}: bracketed groups, then
 * {@code <item>: <result>} lines, and a final verdict line such as {@code *Migrate check success*}. The upstream
 * has no status field; an empty or verdict-less report means the precheck is still running.
 */
record PrecheckReport(PrecheckStatus status, List<Check> checks) {

    /** One line of the report. */
    @Schema(name = "PrecheckCheck")
    record Check(
            @Schema(
                    description = "The report's bracketed heading above the line; empty before the first.",
                    example = "Check source connectivity")
            @Size(max = FieldLimits.PASSED_ON)
            String group,

            @Schema(example = "Check ip connectable") @Size(min = 1, max = FieldLimits.PASSED_ON)
            String item,

            @Schema(example = "success") @Size(max = FieldLimits.PASSED_ON)
            String result) {

        boolean failed() {
            return result.toLowerCase(Locale.ROOT).startsWith("fail");
        }
    }

    static PrecheckReport parse(@Nullable String detail) {
        List<Check> checks = new ArrayList<>();
        String group = "";
        String verdict = null;
        for (String raw : detail == null ? new String[0] : detail.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                group = line.substring(1, line.length() - 1).strip();
            } else if (line.startsWith("*") && line.endsWith("*")) {
                verdict = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
            } else if (line.toLowerCase(Locale.ROOT).startsWith("migrate check")) {
                verdict = line.toLowerCase(Locale.ROOT);
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    checks.add(new Check(
                            group,
                            line.substring(0, colon).strip(),
                            line.substring(colon + 1).strip()));
                }
            }
        }
        return new PrecheckReport(statusOf(verdict, checks), List.copyOf(checks));
    }

    private static PrecheckStatus statusOf(@Nullable String verdict, List<Check> checks) {
        if (verdict == null) {
            return PrecheckStatus.RUNNING;
        }
        boolean failed = verdict.contains("fail") || checks.stream().anyMatch(Check::failed);
        return failed ? PrecheckStatus.FAILED : PrecheckStatus.PASSED;
    }

    List<Check> failedChecks() {
        return checks.stream().filter(Check::failed).toList();
    }
}
