package com.rdsmigration.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The precheck report follows the documented Detail format and fails sources in 192.0.2.0/24. */
class SimulatorPrecheckReportTests {

    static MigrationSource source(String ip) {
        return new MigrationSource(ip, 5432, "migratetest", "secret", "ecsonvpc");
    }

    @Test
    void writesEveryDocumentedSectionForAReachableSource() {
        String report = PrecheckReport.of(source("172.16.1.2"));

        assertThat(report.lines())
                .allMatch(line -> line.matches("\\[[^]]+]")
                        || line.matches("Check [^:]+: (success|warning\\(.+\\)|failed\\(.+\\))")
                        || line.equals(PrecheckReport.PASSED));
        assertThat(report.lines().filter(line -> line.startsWith("[")))
                .containsExactly(
                        "[Check rds empty]",
                        "[Check source connectivity]",
                        "[Check source version]",
                        "[Check source glibc version]",
                        "[Check disk size]",
                        "[Check wal keep size]",
                        "[Check spec params]",
                        "[Check triggers]",
                        "[Check user functions]");
        assertThat(report).doesNotContain("failed").endsWith("\n*Migrate check success*");
        assertThat(report).doesNotContain("secret");
    }

    @Test
    void failsTheConnectivityChecksOfATestNet1Source() {
        String report = PrecheckReport.of(source("192.0.2.7"));

        assertThat(report)
                .contains("Check ip connectable: failed(ip 192.0.2.7 is not reachable from the VPC)")
                .contains("Check port connectable: failed(")
                .contains("Check database connectable: failed(")
                .endsWith("\n*Migrate check failed*");
        assertThat(report.lines())
                .allMatch(line -> line.matches("\\[[^]]+]")
                        || line.matches("Check [^:]+: (success|failed\\(.+\\))")
                        || line.equals(PrecheckReport.FAILED));
    }

    @Test
    void treatsOnlyAddressesInsideTestNet1AsUnreachable() {
        assertThat(source("192.0.2.0").unreachable()).isTrue();
        assertThat(source("192.0.2.255").unreachable()).isTrue();
        assertThat(source("192.0.2.256").unreachable()).isFalse();
        assertThat(source("192.0.20.1").unreachable()).isFalse();
        assertThat(source("192.0.2.host").unreachable()).isFalse();
        assertThat(source("10.0.0.1").unreachable()).isFalse();
    }

    @Test
    void keepsThePasswordOutOfTheSourcesText() {
        assertThat(source("10.0.0.1").toString()).doesNotContain("secret").contains("******");
    }
}
