package com.rdsmigration.gateway.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.rds.wire.CloudMigrationSource;
import com.rdsmigration.gateway.rds.wire.CloudMigrationTaskFilter;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationPrecheckTaskRequest;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationResultRequest;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The client against the running simulator: a wrong secret, bearer token, replayed nonce or stale timestamp is refused
 * with RDS's code, in every signature version, and the error never carries the string to sign or a password.
 */
@IntegrationTest
class RdsClientAuthenticationTests extends RdsClientTestBase {

    @Test
    void aWrongSecretGetsSignatureDoesNotMatchWithoutTheStringToSign() {
        for (RdsProperties.SignatureVersion version : RdsProperties.SignatureVersion.values()) {
            RdsClient wrong = clients.signed(version, "not-the-secret");
            assertThatThrownBy(() -> wrong.createCloudMigrationPrecheckTask(new CreateCloudMigrationPrecheckTaskRequest(
                            "pgm-" + shortId(),
                            new CloudMigrationSource("172.16.0.10", 5432, "migratetest", PASSWORD, "ecsOnVpc"),
                            null)))
                    .isInstanceOfSatisfying(NonTransientRdsException.class, e -> {
                        assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
                        assertThat(e.requestId()).isNotBlank();
                        assertThat(e.getMessage())
                                .doesNotContain("string to sign")
                                .doesNotContain(PASSWORD)
                                .doesNotContain("SourcePassword");
                    });
        }
    }

    @Test
    void aWrongBearerTokenIsRefused() {
        assertThatThrownBy(() -> describeMigration(clients.bearer("wrong-token"), "pgm-" + shortId(), 1))
                .isInstanceOf(NonTransientRdsException.class)
                .extracting(e -> ((RdsException) e).code())
                .isEqualTo("InvalidBearerToken");
    }

    @Test
    void aReplayedNonceGetsSignatureNonceUsed() {
        String nonce = UUID.randomUUID().toString().replace("-", "");
        for (RdsProperties.SignatureVersion version : RdsProperties.SignatureVersion.values()) {
            RdsClient replaying =
                    clients.signed(version, "simulator-secret", clock, () -> nonce + version, Duration.ofSeconds(30));
            String instance = "pgm-" + shortId();
            replaying.describeCloudMigrationResult(
                    new DescribeCloudMigrationResultRequest(CloudMigrationTaskFilter.page(instance, 1, 30)));

            assertThatThrownBy(() -> replaying.describeCloudMigrationResult(
                            new DescribeCloudMigrationResultRequest(CloudMigrationTaskFilter.page(instance, 1, 30))))
                    .isInstanceOfSatisfying(
                            NonTransientRdsException.class,
                            e -> assertThat(e.code()).isEqualTo("SignatureNonceUsed"));
        }
    }

    @Test
    void aStaleTimestampIsRefusedAsExpired() {
        for (RdsProperties.SignatureVersion version : RdsProperties.SignatureVersion.values()) {
            Clock late = Clock.offset(clock, Duration.ofMinutes(-40));
            RdsClient stale = clients.signed(
                    version,
                    "simulator-secret",
                    late,
                    com.rdsmigration.gateway.rds.signing.NonceSource.random(),
                    Duration.ofSeconds(30));

            assertThatThrownBy(() -> describeMigration(stale, "pgm-" + shortId(), 1))
                    .isInstanceOfSatisfying(
                            NonTransientRdsException.class,
                            e -> assertThat(e.code()).isEqualTo("InvalidTimeStamp.Expired"));
        }
    }
}
