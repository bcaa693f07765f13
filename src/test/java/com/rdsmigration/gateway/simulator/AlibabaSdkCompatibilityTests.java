package com.rdsmigration.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.rds20140815.Client;
import com.aliyun.rds20140815.models.ActivateMigrationTargetInstanceRequest;
import com.aliyun.rds20140815.models.ActivateMigrationTargetInstanceResponseBody;
import com.aliyun.rds20140815.models.CancelImportResponse;
import com.aliyun.rds20140815.models.CreateCloudMigrationPrecheckTaskRequest;
import com.aliyun.rds20140815.models.CreateCloudMigrationPrecheckTaskResponseBody;
import com.aliyun.rds20140815.models.CreateCloudMigrationTaskRequest;
import com.aliyun.rds20140815.models.CreateCloudMigrationTaskResponseBody;
import com.aliyun.rds20140815.models.DescribeCloudMigrationPrecheckResultRequest;
import com.aliyun.rds20140815.models.DescribeCloudMigrationPrecheckResultResponseBody;
import com.aliyun.rds20140815.models.DescribeCloudMigrationResultRequest;
import com.aliyun.rds20140815.models.DescribeCloudMigrationResultResponseBody;
import com.aliyun.rds20140815.models.DescribeDBInstanceAttributeRequest;
import com.aliyun.rds20140815.models.DescribeDBInstanceAttributeResponseBody;
import com.aliyun.rds20140815.models.DescribeDBInstanceAttributeResponseBody.DescribeDBInstanceAttributeResponseBodyItemsDBInstanceAttribute;
import com.aliyun.rds20140815.models.ImportDatabaseBetweenInstancesRequest;
import com.aliyun.rds20140815.models.ImportDatabaseBetweenInstancesResponseBody;
import com.aliyun.tea.TeaException;
import com.aliyun.tea.TeaModel;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Alibaba's official Java SDK ({@code com.aliyun:rds20140815}) works against the simulator unchanged: all seven
 * migration actions and DescribeDBInstanceAttribute, signed with V3 (the SDK default) and with V1
 * ({@code signatureAlgorithm = "v2"}), every answer parsed into the SDK's own typed models.
 */
@IntegrationTest
class AlibabaSdkCompatibilityTests {

    static final Duration STAGE = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void alignSimulatorTimeWithTheSdk() {
        // The SDK signs with the wall clock; the simulator checks timestamps against the test clock.
        clock.set(Instant.now());
    }

    Client sdk(String signatureAlgorithm) throws Exception {
        Config config = new Config()
                .setAccessKeyId("simulator-ak")
                .setAccessKeySecret("simulator-secret")
                .setEndpoint("127.0.0.1:" + port)
                .setProtocol("HTTP");
        if (signatureAlgorithm != null && !signatureAlgorithm.isEmpty()) {
            config.setSignatureAlgorithm(signatureAlgorithm);
        }
        return new Client(config);
    }

    @ParameterizedTest(name = "signatureAlgorithm=[{0}]")
    @ValueSource(strings = {"", "v2"})
    void importsAndCancelsBetweenSqlServerInstances(String signatureAlgorithm) throws Exception {
        Client rds = sdk(signatureAlgorithm);
        String target = "rm-sdk-dst-" + UUID.randomUUID().toString().substring(0, 8);

        ImportDatabaseBetweenInstancesResponseBody created = rds.importDatabaseBetweenInstances(
                        new ImportDatabaseBetweenInstancesRequest()
                                .setDBInstanceId(target)
                                .setSourceDBInstanceId("rm-sdk-src")
                                .setDBInfo("{\"DBNames\":{\"srcdb\":\"destdb\",\"srcdb2\":\"destmydb2\"}}"))
                .getBody();
        assertThat(created.getRequestId()).isNotBlank();
        assertThat(Long.parseLong(created.getImportId())).isPositive();

        // The SDK models CancelImport.ImportId as a 32-bit Integer, but import ids exceed 32 bits; the SDK's own
        // generic call sends it, and its typed model still parses the answer.
        Map<String, ?> answer = rds.callApi(
                rpc("CancelImport"),
                new OpenApiRequest().setQuery(Map.of("DBInstanceId", target, "ImportId", created.getImportId())),
                new RuntimeOptions());
        CancelImportResponse cancelled = TeaModel.toModel(answer, new CancelImportResponse());
        assertThat(cancelled.getStatusCode()).isEqualTo(200);
        assertThat(cancelled.getBody().getRequestId()).isNotBlank();
    }

    @ParameterizedTest(name = "signatureAlgorithm=[{0}]")
    @ValueSource(strings = {"", "v2"})
    void drivesAPostgresCloudMigrationFromPrecheckToSuccess(String signatureAlgorithm) throws Exception {
        Client rds = sdk(signatureAlgorithm);
        String instance = "pgm-sdk-" + UUID.randomUUID().toString().substring(0, 8);

        CreateCloudMigrationPrecheckTaskResponseBody precheck = rds.createCloudMigrationPrecheckTask(
                        new CreateCloudMigrationPrecheckTaskRequest()
                                .setDBInstanceName(instance)
                                .setSourceIpAddress("172.16.1.10")
                                .setSourcePort(5432L)
                                .setSourceAccount("migratetest")
                                .setSourcePassword("sdk-pass-1")
                                .setSourceCategory("ecsOnVpc")
                                .setTaskName("sdkprecheck"))
                .getBody();
        assertThat(precheck.getTaskId()).isPositive();
        assertThat(precheck.getTaskName()).isEqualTo("sdkprecheck");
        assertThat(precheck.getDBInstanceName()).isEqualTo(instance);

        clock.advance(STAGE);
        DescribeCloudMigrationPrecheckResultResponseBody report = rds.describeCloudMigrationPrecheckResult(
                        new DescribeCloudMigrationPrecheckResultRequest()
                                .setDBInstanceName(instance)
                                .setPageNumber(1L)
                                .setPageSize(30L)
                                .setTaskId(precheck.getTaskId()))
                .getBody();
        assertThat(report.getTotalSize()).isEqualTo(1);
        assertThat(report.getItems()).hasSize(1);
        assertThat(report.getItems().get(0).getDetail()).contains("*Migrate check success*");
        assertThat(report.getItems().get(0).getSourcePort()).isEqualTo(5432L);

        CreateCloudMigrationTaskResponseBody migration = rds.createCloudMigrationTask(
                        new CreateCloudMigrationTaskRequest()
                                .setDBInstanceName(instance)
                                .setSourceIpAddress("172.16.1.10")
                                .setSourcePort(5432L)
                                .setSourceAccount("migratetest")
                                .setSourcePassword("sdk-pass-1")
                                .setSourceCategory("ecsOnVpc"))
                .getBody();
        assertThat(migration.getTaskId()).isPositive();
        assertThat(migration.getTaskName()).isNotBlank();

        clock.advance(STAGE.multipliedBy(3));
        DescribeCloudMigrationResultResponseBody progress = describe(rds, instance, migration.getTaskId());
        assertThat(progress.getItems()).hasSize(1);
        assertThat(progress.getItems().get(0).getMigrateStage()).isEqualTo("increment");
        assertThat(progress.getItems().get(0).getReplicationState()).isEqualTo("streaming");
        assertThat(progress.getItems().get(0).getReplicationInfo()).startsWith("{");

        ActivateMigrationTargetInstanceResponseBody switched = rds.activateMigrationTargetInstance(
                        new ActivateMigrationTargetInstanceRequest()
                                .setDBInstanceName(instance)
                                .setSwitchTimeMode("0")
                                .setForceSwitch("1"))
                .getBody();
        assertThat(switched.getTaskId()).isPositive();
        assertThat(switched.getSourceIpAddress()).isEqualTo("172.16.1.10");
        assertThat(switched.getSourcePort()).isEqualTo(5432L);

        clock.advance(STAGE);
        var done = describe(rds, instance, migration.getTaskId()).getItems().get(0);
        assertThat(done.getMigrateStage()).isEqualTo("success");
        assertThat(done.getSwitchTime()).isNotBlank();
    }

    @ParameterizedTest(name = "signatureAlgorithm=[{0}]")
    @ValueSource(strings = {"", "v2"})
    void readsInstanceAttributesWithTheirResourceGroupIntoTheSdkModel(String signatureAlgorithm) throws Exception {
        Client rds = sdk(signatureAlgorithm);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String pg = "pgm-sdk-" + suffix;
        String sqlServer = "rm-sdk-" + suffix;
        new SimulatorClient(port, clock).putInstance(pg, "{\"status\":\"Stopped\",\"resourceGroupId\":\"rg-sdk\"}");

        DescribeDBInstanceAttributeResponseBody answer = rds.describeDBInstanceAttribute(
                        new DescribeDBInstanceAttributeRequest().setDBInstanceId(pg + "," + sqlServer))
                .getBody();

        assertThat(answer.getRequestId()).isNotBlank();
        var items = answer.getItems().getDBInstanceAttribute();
        assertThat(items).hasSize(2);
        DescribeDBInstanceAttributeResponseBodyItemsDBInstanceAttribute first = items.get(0);
        assertThat(first.getDBInstanceId()).isEqualTo(pg);
        assertThat(first.getResourceGroupId()).isEqualTo("rg-sdk");
        assertThat(first.getEngine()).isEqualTo("PostgreSQL");
        assertThat(first.getDBInstanceStatus()).isEqualTo("Stopped");
        assertThat(first.getPort()).isEqualTo("5432");
        assertThat(first.getDBInstanceMemory()).isPositive();
        assertThat(first.getDBInstanceStorage()).isPositive();
        assertThat(first.getLockMode()).isEqualTo("Unlock");
        DescribeDBInstanceAttributeResponseBodyItemsDBInstanceAttribute second = items.get(1);
        assertThat(second.getEngine()).isEqualTo("SQLServer");
        assertThat(second.getDBInstanceStatus()).isEqualTo("Running");
        assertThat(second.getResourceGroupId()).isEqualTo("rg-default");

        assertThatThrownBy(() -> rds.describeDBInstanceAttribute(
                        new DescribeDBInstanceAttributeRequest().setDBInstanceId("xyz-" + suffix)))
                .isInstanceOfSatisfying(
                        TeaException.class, e -> assertThat(e.getCode()).isEqualTo("InvalidDBInstanceId.NotFound"));
    }

    @ParameterizedTest(name = "signatureAlgorithm=[{0}]")
    @ValueSource(strings = {"", "v2"})
    void surfacesSimulatorErrorsAsTeaExceptions(String signatureAlgorithm) throws Exception {
        Client rds = sdk(signatureAlgorithm);

        assertThatThrownBy(() -> rds.describeCloudMigrationResult(new DescribeCloudMigrationResultRequest()
                        .setDBInstanceName("xyz-unknown")
                        .setPageNumber(1L)
                        .setPageSize(30L)))
                .isInstanceOfSatisfying(
                        TeaException.class, e -> assertThat(e.getCode()).isEqualTo("InvalidDBInstanceId.NotFound"));
    }

    private static DescribeCloudMigrationResultResponseBody describe(Client rds, String instance, long taskId)
            throws Exception {
        return rds.describeCloudMigrationResult(new DescribeCloudMigrationResultRequest()
                        .setDBInstanceName(instance)
                        .setPageNumber(1L)
                        .setPageSize(30L)
                        .setTaskId(taskId))
                .getBody();
    }

    private static Params rpc(String action) {
        return new Params()
                .setAction(action)
                .setVersion("2014-08-15")
                .setProtocol("HTTP")
                .setPathname("/")
                .setMethod("POST")
                .setAuthType("AK")
                .setStyle("RPC")
                .setReqBodyType("formData")
                .setBodyType("json");
    }
}
