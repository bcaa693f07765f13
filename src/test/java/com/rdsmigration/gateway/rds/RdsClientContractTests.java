package com.rdsmigration.gateway.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.rds.wire.ActivateMigrationTargetInstanceRequest;
import com.rdsmigration.gateway.rds.wire.CancelImportRequest;
import com.rdsmigration.gateway.rds.wire.CloudMigrationSource;
import com.rdsmigration.gateway.rds.wire.CloudMigrationTaskFilter;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationPrecheckTaskRequest;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationTaskRequest;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationPrecheckResultRequest;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationResultRequest;
import com.rdsmigration.gateway.rds.wire.ImportDatabaseBetweenInstancesRequest;
import com.rdsmigration.gateway.rds.wire.MigrationResultItem;
import com.rdsmigration.gateway.rds.wire.PrecheckResultItem;
import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The client against the running simulator over real signed HTTP: all seven actions, every auth mode, the errors. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RdsClientContractTests {

    static final Duration STAGE = Duration.ofSeconds(5);
    static final String PASSWORD = "s3cret-Pass!";

    @LocalServerPort
    int port;

    @Autowired
    RdsClient applicationClient;

    @Autowired
    MutableClock clock;

    @Autowired
    RestClient.Builder builder;

    @Autowired
    Environment environment;

    @Autowired
    JsonMapper json;

    RdsClientFixtures clients;

    @BeforeEach
    void setUp() {
        clients = new RdsClientFixtures(builder, environment, json, clock, port);
    }

    @Autowired
    CircuitBreakerRegistry breakers;

    @AfterEach
    void clearFaultsAndBreakers() {
        putFaults("{}");
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    Stream<Arguments> everyAuthMode() {
        setUp();
        return Stream.of(
                Arguments.of("v3", applicationClient),
                Arguments.of("v1", clients.signed(RdsProperties.SignatureVersion.V1, "simulator-secret")),
                Arguments.of("bearer", clients.bearer("simulator-token")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAuthMode")
    void runsACloudMigrationThroughAllFivePostgresActions(String mode, RdsClient rds) {
        assertThat(rds.authMode()).isEqualTo(mode);
        String instance = "pgm-" + mode + "-" + shortId();
        CloudMigrationSource source =
                new CloudMigrationSource("172.16.0.10", 5432, "migratetest", PASSWORD, "ecsOnVpc");

        var precheck = rds.createCloudMigrationPrecheckTask(
                new CreateCloudMigrationPrecheckTaskRequest(instance, source, "chk" + shortId()));
        assertThat(precheck.dbInstanceName()).isEqualTo(instance);
        assertThat(precheck.requestId()).isNotBlank();

        clock.advance(STAGE);
        PrecheckResultItem report = rds.describeCloudMigrationPrecheckResult(
                        new DescribeCloudMigrationPrecheckResultRequest(
                                CloudMigrationTaskFilter.byTaskId(instance, precheck.taskId())))
                .items()
                .get(0);
        assertThat(report.taskName()).isEqualTo(precheck.taskName());
        assertThat(report.detail()).contains("*Migrate check success*");
        assertThat(report.sourcePassword()).as("echoed password is dropped").isNull();

        var migration = rds.createCloudMigrationTask(new CreateCloudMigrationTaskRequest(instance, source, null));
        assertThat(migration.taskName()).as("generated upstream").isNotBlank();

        assertThatThrownBy(() ->
                        rds.activateMigrationTargetInstance(ActivateMigrationTargetInstanceRequest.immediate(instance)))
                .isInstanceOfSatisfying(
                        NonTransientRdsException.class,
                        e -> assertThat(e.code()).isEqualTo("OperationDenied.MigrateStage"));

        clock.advance(STAGE.multipliedBy(3));
        MigrationResultItem progress = describeMigration(rds, instance, migration.taskId());
        assertThat(progress.migrateStage()).isEqualTo("increment");
        assertThat(progress.replicationState()).isEqualTo("streaming");
        assertThat(json.readTree(progress.replicationInfo()).isObject()).isTrue();
        assertThat(progress.sourcePassword()).isNull();

        var switchover =
                rds.activateMigrationTargetInstance(ActivateMigrationTargetInstanceRequest.immediate(instance));
        assertThat(switchover.taskId()).isPositive().isNotEqualTo(migration.taskId());
        assertThat(switchover.sourcePort()).isEqualTo(5432L);

        assertThat(describeMigration(rds, instance, migration.taskId()).migrateStage())
                .isEqualTo("switch");
        clock.advance(STAGE);
        MigrationResultItem done = describeMigration(rds, instance, migration.taskId());
        assertThat(done.migrateStage()).isEqualTo("success");
        assertThat(done.switchTime()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAuthMode")
    void importsBetweenSqlServerInstancesAndCancels(String mode, RdsClient rds) {
        String target = "rm-dst-" + shortId();
        var created = rds.importDatabaseBetweenInstances(new ImportDatabaseBetweenInstancesRequest(
                target, "rm-src-" + shortId(), "{\"DBNames\":{\"a\":\"b\"}}"));
        assertThat(Long.parseLong(created.importId())).as("beyond 32 bits").isGreaterThan(Integer.MAX_VALUE);

        assertThat(rds.cancelImport(new CancelImportRequest(target, created.importId()))
                        .requestId())
                .isNotBlank();
        assertThatThrownBy(() -> rds.cancelImport(new CancelImportRequest(target, created.importId())))
                .isInstanceOf(NonTransientRdsException.class);
    }

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
                    assertThat(e.notProcessed()).isFalse();
                });

        putFaults("{\"errorRate\": 1.0, \"errorCode\": \"Throttling.User\", \"httpStatus\": 400}");
        assertThatThrownBy(() -> describeMigration(applicationClient, "pgm-" + shortId(), 1))
                .isInstanceOfSatisfying(
                        TransientRdsException.class,
                        e -> assertThat(e.notProcessed()).isTrue());
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
                        e -> assertThat(e.notProcessed()).isTrue());
    }

    private static MigrationResultItem describeMigration(RdsClient rds, String instance, long taskId) {
        var answer = rds.describeCloudMigrationResult(
                new DescribeCloudMigrationResultRequest(CloudMigrationTaskFilter.byTaskId(instance, taskId)));
        return answer.items().isEmpty() ? null : answer.items().get(0);
    }

    private void putFaults(String body) {
        HttpTestClient http = new HttpTestClient(port);
        var response = http.send(http.request("/rds-simulator/_control/faults")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
