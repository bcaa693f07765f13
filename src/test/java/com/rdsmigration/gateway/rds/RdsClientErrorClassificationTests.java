package com.rdsmigration.gateway.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.rds.wire.CloudMigrationSource;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationTaskRequest;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The client against the running simulator and its faults: business errors are non-transient with their codes,
 * throttling and outages transient, an answer that never arrives leaves the outcome unknown, and a closed port is
 * provably never reached.
 */
@IntegrationTest
class RdsClientErrorClassificationTests extends RdsClientTestBase {

    @Test
    void businessErrorsAreNonTransientWithTheirCodes() {
        assertThatThrownBy(() -> describeMigration(applicationClient, "xyz-" + shortId(), 1))
                .isInstanceOfSatisfying(NonTransientRdsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidDBInstanceId.NotFound");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
        assertThatThrownBy(() -> describeMigration(applicationClient, "rm-" + shortId(), 1))
                .isInstanceOfSatisfying(
                        NonTransientRdsException.class,
                        e -> assertThat(e.code()).isEqualTo("IncorrectDBInstanceType"));
        assertThatThrownBy(() -> applicationClient.createCloudMigrationTask(new CreateCloudMigrationTaskRequest(
                        "pgm-" + shortId(),
                        new CloudMigrationSource("172.16.0.10", 5432, "migratetest", PASSWORD, "ecsOnVpc"),
                        null)))
                .isInstanceOfSatisfying(
                        NonTransientRdsException.class,
                        e -> assertThat(e.code()).isEqualTo("OperationDenied.PrecheckNotPassed"));
    }

    @Test
    void throttlingAndInjectedOutagesAreTransient() {
        putFaults("{\"errorRate\": 1.0, \"errorCode\": \"ServiceUnavailable\", \"httpStatus\": 503,"
                + " \"actions\": [\"DescribeCloudMigrationResult\"]}");
        assertThatThrownBy(() -> describeMigration(applicationClient, "pgm-" + shortId(), 1))
                .isInstanceOfSatisfying(TransientRdsException.class, e -> {
                    assertThat(e.code()).isEqualTo("ServiceUnavailable");
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.outcomeUnknown()).isTrue();
                });

        putFaults("{\"errorRate\": 1.0, \"errorCode\": \"Throttling.User\", \"httpStatus\": 400}");
        assertThatThrownBy(() -> describeMigration(applicationClient, "pgm-" + shortId(), 1))
                .isInstanceOfSatisfying(
                        TransientRdsException.class,
                        e -> assertThat(e.outcomeUnknown()).isFalse());
    }

    @Test
    void anAnswerThatNeverArrivesLeavesTheOutcomeUnknown() {
        putFaults("{\"latencyMs\": 1500, \"actions\": [\"DescribeCloudMigrationResult\"]}");
        RdsClient impatient = clients.signed(
                RdsProperties.SignatureVersion.V3,
                "simulator-secret",
                clock,
                com.rdsmigration.gateway.rds.signing.NonceSource.random(),
                Duration.ofMillis(300));

        assertThatThrownBy(() -> describeMigration(impatient, "pgm-" + shortId(), 1))
                .isInstanceOfSatisfying(TransientRdsException.class, e -> {
                    assertThat(e.outcomeUnknown()).isTrue();
                    assertThat(e.httpStatus()).isZero();
                });
    }

    @Test
    void aClosedPortIsProvablyNeverReached() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RdsClient nowhere = new RdsClientFixtures(builder, environment, json, clock, closedPort)
                .signed(RdsProperties.SignatureVersion.V3, "simulator-secret");

        assertThatThrownBy(() -> describeMigration(nowhere, "pgm-x", 1))
                .isInstanceOfSatisfying(
                        TransientRdsException.class,
                        e -> assertThat(e.outcomeUnknown()).isFalse());
    }
}
