package com.rdsmigration.gateway.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.rdsmigration.gateway.rds.wire.CloudMigrationSource;
import com.rdsmigration.gateway.rds.wire.CloudMigrationTaskFilter;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationPrecheckTaskRequest;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationPrecheckResultRequest;
import com.rdsmigration.gateway.support.LeakProbeGateway;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.support.SecretForms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upstream calls the application's own client does not make, with everything logged at DEBUG and TRACE: a
 * precheck created and read with a bearer token and with a V1 signature (the password in the query, the token in two
 * headers), then refusals that echo what they were given, a V1 call signed with a wrong secret (the upstream answers
 * with its string to sign, the password encoded twice inside) and a wrong bearer token. No secret, the refused token
 * included, reaches the logs or an exception's message.
 */
@LeakProbeGateway
class UpstreamSecretLeakTests {

    static final String PASSWORD = "Up@stream+" + UUID.randomUUID().toString().substring(0, 8) + "/Pw=";
    static final String WRONG_TOKEN = "wrong-bearer-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    RestClient.Builder builder;

    @Autowired
    Environment environment;

    @Autowired
    JsonMapper json;

    @Test
    void noSecretOfABearerOrV1CallOrOfTheirRefusalsIsLoggedOrThrown(CapturedOutput logs) {
        RdsClientFixtures clients = new RdsClientFixtures(builder, environment, json, clock, port);
        List<String> ran = new ArrayList<>();
        for (RdsClient rds : List.of(
                clients.bearer(LeakProbeGateway.BEARER_TOKEN),
                clients.signed(RdsProperties.SignatureVersion.V1, LeakProbeGateway.ACCESS_KEY_SECRET))) {
            String instance =
                    "pgm-" + rds.authMode() + "-" + UUID.randomUUID().toString().substring(0, 8);
            var precheck = rds.createCloudMigrationPrecheckTask(
                    new CreateCloudMigrationPrecheckTaskRequest(instance, source(), null));
            clock.advance(Duration.ofSeconds(5));
            var report = rds.describeCloudMigrationPrecheckResult(new DescribeCloudMigrationPrecheckResultRequest(
                            CloudMigrationTaskFilter.byTaskId(instance, precheck.taskId())))
                    .items()
                    .get(0);
            assertThat(report.taskName()).isEqualTo(precheck.taskName());
            ran.add(rds.authMode() + " " + precheck.taskId());
        }

        NonTransientRdsException wrongSecret = catchThrowableOfType(
                NonTransientRdsException.class,
                () -> clients.signed(RdsProperties.SignatureVersion.V1, "not-the-secret")
                        .createCloudMigrationPrecheckTask(
                                new CreateCloudMigrationPrecheckTaskRequest("pgm-wrong-secret", source(), null)));
        NonTransientRdsException wrongToken = catchThrowableOfType(
                NonTransientRdsException.class,
                () -> clients.bearer(WRONG_TOKEN)
                        .createCloudMigrationPrecheckTask(
                                new CreateCloudMigrationPrecheckTaskRequest("pgm-wrong-token", source(), null)));
        assertThat(wrongSecret.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(wrongToken.code()).isEqualTo("InvalidBearerToken");

        String thrown = String.join(
                "\n",
                wrongSecret.getMessage(),
                wrongSecret.toProblem().getMessage(),
                wrongToken.getMessage(),
                wrongToken.toProblem().getMessage());
        List<String> secrets = SecretForms.of(
                PASSWORD,
                WRONG_TOKEN,
                LeakProbeGateway.ACCESS_KEY_SECRET,
                LeakProbeGateway.SECURITY_TOKEN,
                LeakProbeGateway.BEARER_TOKEN);
        for (String secret : secrets) {
            assertThat(logs.getAll()).as("logs").doesNotContain(secret);
            assertThat(thrown).as("exception messages").doesNotContain(secret);
        }
        assertThat(thrown).doesNotContainIgnoringCase("string to sign");

        assertThat(ran).as("both flows ran").hasSize(2).allMatch(line -> line.matches("(bearer|v1) \\d+"));
        assertThat(logs.getAll())
                .as("the headers and the signed query were logged, masked")
                .contains("Authorization: Bearer ******", "x-acs-bearer-token: ******", "SourcePassword=******")
                .contains("SignatureDoesNotMatch", "SourcePassword%3D******");
    }

    static CloudMigrationSource source() {
        return new CloudMigrationSource("172.16.0.10", 5432, "migratetest", PASSWORD, "ecsOnVpc");
    }
}
