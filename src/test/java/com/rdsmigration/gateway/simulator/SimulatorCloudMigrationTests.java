package com.rdsmigration.gateway.simulator;

import static com.rdsmigration.gateway.simulator.RpcCalls.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PostgreSQL cloud-migration actions over real HTTP: prechecks and their reports, migrations advancing one stage
 * per stage duration of the clock, the switchover, and the errors of each step.
 */
@IntegrationTest
class SimulatorCloudMigrationTests {

    static final Duration STAGE = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    SimulatorClient client;
    String instance;

    @BeforeEach
    void setUp() {
        client = new SimulatorClient(port, clock);
        instance = "pgm-" + UUID.randomUUID().toString().substring(0, 12);
    }

    Map<String, String> source(String ip, String... extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("DBInstanceName", instance);
        parameters.put("SourceIpAddress", ip);
        parameters.put("SourcePort", "5432");
        parameters.put("SourceAccount", "migratetest");
        parameters.put("SourcePassword", "s3cret pass");
        parameters.put("SourceCategory", "ecsOnVpc");
        for (int i = 0; i < extra.length; i += 2) {
            parameters.put(extra[i], extra[i + 1]);
        }
        return parameters;
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SimulatorClient.json(response);
    }

    JsonNode precheck(String ip, String... extra) {
        return ok(client.v3(RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK, source(ip, extra)));
    }

    JsonNode describePrechecks(String... filters) {
        return ok(client.v3(RdsActions.DESCRIBE_CLOUD_MIGRATION_PRECHECK_RESULT, params(filters)));
    }

    JsonNode describeMigrations(String... filters) {
        return ok(client.v3(RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, params(filters)));
    }

    HttpResponse<String> migrate(String ip, String... extra) {
        return client.v3(RdsActions.CREATE_CLOUD_MIGRATION_TASK, source(ip, extra));
    }

    HttpResponse<String> activate() {
        return client.v3(
                RdsActions.ACTIVATE_MIGRATION_TARGET_INSTANCE,
                Map.of("DBInstanceName", instance, "SwitchTimeMode", "0", "ForceSwitch", "1"));
    }

    Map<String, String> params(String... pairs) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("DBInstanceName", instance);
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], pairs[i + 1]);
        }
        return parameters;
    }

    @Test
    void createsAPrecheckWithANumericTaskIdAndAGeneratedName() {
        JsonNode body = precheck("172.16.0.10");

        assertThat(body.path("TaskId").isNumber()).isTrue();
        assertThat(body.path("TaskId").asLong()).isGreaterThanOrEqualTo(439_946_016L);
        assertThat(body.path("TaskName").asString()).matches("[a-z0-9]{10}");
        assertThat(body.path("DBInstanceName").asString()).isEqualTo(instance);
        assertThat(body.path("RequestId").asString()).isNotBlank();
    }

    @Test
    void completesThePrecheckReportAfterOneStage() {
        long taskId =
                precheck("172.16.0.10", "TaskName", "assess-1").path("TaskId").asLong();

        JsonNode running = describePrechecks();
        assertThat(running.path("Items").isArray()).isTrue();
        assertThat(running.path("TotalSize").asInt()).isEqualTo(1);
        JsonNode item = running.path("Items").get(0);
        assertThat(item.path("TaskId").asLong()).isEqualTo(taskId);
        assertThat(item.path("Detail").asString()).isEmpty();
        assertThat(item.path("SourcePassword").asString()).isEqualTo("s3cret pass");
        assertThat(item.path("SourcePort").isNumber()).isTrue();
        assertThat(item.path("SourceCategory").asString()).isEqualTo("ecsonvpc");
        assertThat(item.path("GmtCreated").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(item.has("TargetEip")).isTrue();

        clock.advance(STAGE);
        String detail = describePrechecks().path("Items").get(0).path("Detail").asString();
        assertThat(detail).startsWith("[Check rds empty]\nCheck rds databases: success\n");
        assertThat(detail).contains("Check ip connectable: success");
        assertThat(detail).endsWith("*Migrate check success*");
    }

    @Test
    void failsThePrecheckOfASourceInTestNet1() {
        precheck("192.0.2.44");
        clock.advance(STAGE);

        String detail = describePrechecks().path("Items").get(0).path("Detail").asString();
        assertThat(detail).contains("Check ip connectable: failed(");
        assertThat(detail).contains("Check port connectable: failed(");
        assertThat(detail).endsWith("*Migrate check failed*");
        assertError(migrate("192.0.2.44"), 403, "OperationDenied.PrecheckNotPassed");
    }

    @Test
    void filtersAndPagesPrecheckResults() {
        precheck("172.16.0.1", "TaskName", "first");
        long second =
                precheck("172.16.0.2", "TaskName", "second").path("TaskId").asLong();
        precheck("172.16.0.3");

        assertThat(describePrechecks("TaskId", Long.toString(second))
                        .path("Items")
                        .get(0)
                        .path("TaskName")
                        .asString())
                .isEqualTo("second");
        assertThat(describePrechecks("TaskName", "first").path("TotalSize").asInt())
                .isEqualTo(1);
        assertThat(describePrechecks("SourceIpAddress", "172.16.0.3", "SourcePort", "5432")
                        .path("TotalSize")
                        .asInt())
                .isEqualTo(1);
        JsonNode page = describePrechecks("PageSize", "2", "PageNumber", "2");
        assertThat(page.path("TotalSize").asInt()).isEqualTo(3);
        assertThat(page.path("Items")).hasSize(1);
        assertThat(page.path("PageNumber").asLong()).isEqualTo(2);
        assertThat(page.path("PageSize").asLong()).isEqualTo(2);
        assertThat(describePrechecks().path("PageSize").asLong()).isEqualTo(30);
    }

    @Test
    void refusesBadPrecheckParameters() {
        assertError(
                client.v3(RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK, source("10.0.0.1", "SourcePort", "70000")),
                400,
                "InvalidParameter");
        assertError(
                client.v3(
                        RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK, source("10.0.0.1", "SourceCategory", "cloud")),
                400,
                "InvalidParameter");
        assertError(
                client.v3(RdsActions.DESCRIBE_CLOUD_MIGRATION_PRECHECK_RESULT, params("PageSize", "101")),
                400,
                "InvalidParameter");
        Map<String, String> noPassword = source("10.0.0.1");
        noPassword.remove("SourcePassword");
        JsonNode body = assertError(
                client.v3(RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK, noPassword), 400, "MissingParameter");
        assertThat(body.path("Message").asString()).contains("\"SourcePassword\"");
    }

    @Test
    void refusesADuplicateTaskNameOnTheSameInstance() {
        precheck("172.16.0.10", "TaskName", "same");

        assertError(
                client.v3(RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK, source("172.16.0.11", "TaskName", "same")),
                400,
                "InvalidTaskName.Duplicate");
    }

    @Test
    void refusesCloudMigrationOnASqlServerInstance() {
        instance = "rm-" + UUID.randomUUID().toString().substring(0, 8);

        assertError(
                client.v3(RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK, source("172.16.0.10")),
                403,
                "IncorrectDBInstanceType");
    }

    @Test
    void refusesAMigrationWithoutAPassedPrecheckSayingWhy() {
        JsonNode never = assertError(migrate("172.16.0.10"), 403, "OperationDenied.PrecheckNotPassed");
        assertThat(never.path("Message").asString()).contains("No precheck");

        precheck("172.16.0.10");
        JsonNode running = assertError(migrate("172.16.0.10"), 403, "OperationDenied.PrecheckNotPassed");
        assertThat(running.path("Message").asString()).contains("still running");
    }

    @Test
    void migratesStageByStageUntilTheSwitchoverSucceeds() {
        precheck("172.16.0.10");
        clock.advance(STAGE);
        JsonNode created = ok(migrate("172.16.0.10", "TaskName", "move-1"));
        long taskId = created.path("TaskId").asLong();
        assertThat(created.path("TaskId").isNumber()).isTrue();
        assertThat(taskId).isGreaterThanOrEqualTo(440_437_220L);
        assertThat(created.path("TaskName").asString()).isEqualTo("move-1");

        JsonNode item = describeMigrations().path("Items").get(0);
        assertThat(item.path("MigrateStage").asString()).isEqualTo("precheck");
        assertThat(item.path("ReplicationState").asString()).isEqualTo("unstarted");
        assertThat(item.path("ReplicationInfo").isString()).isTrue();
        assertThat(item.path("SwitchTime").isNull()).isTrue();
        assertError(activate(), 403, "OperationDenied.MigrateStage");

        String[][] expected = {{"basebackup", "unstarted"}, {"startup", "catchup"}, {"increment", "streaming"}};
        for (String[] stage : expected) {
            clock.advance(STAGE);
            item = describeMigrations("TaskId", Long.toString(taskId))
                    .path("Items")
                    .get(0);
            assertThat(item.path("MigrateStage").asString()).isEqualTo(stage[0]);
            assertThat(item.path("ReplicationState").asString()).isEqualTo(stage[1]);
        }
        clock.advance(STAGE.multipliedBy(3));
        item = describeMigrations().path("Items").get(0);
        assertThat(item.path("MigrateStage").asString())
                .as("waits in increment")
                .isEqualTo("increment");
        JsonNode replication =
                JsonMapper.shared().readTree(item.path("ReplicationInfo").asString());
        assertThat(replication.path("Status").asString()).isEqualTo("streaming");
        assertThat(replication.path("Synced").asString()).isEqualTo("true");
        assertThat(replication.path("ReceiveStartLsn").asString()).isEqualTo("0/3000000");
        assertThat(replication.path("Conninfo").asString())
                .contains("password=********")
                .doesNotContain("s3cret");
        assertThat(item.path("Detail").asString())
                .contains("*Migrate check success*\n[Backup source data]")
                .contains("--- Synchronize data from source to RDS by streaming replication");

        JsonNode switchover = ok(activate());
        assertThat(switchover.path("TaskId").asLong()).isNotEqualTo(taskId);
        assertThat(switchover.path("SourceIpAddress").asString()).isEqualTo("172.16.0.10");
        assertThat(switchover.path("SourcePort").asLong()).isEqualTo(5432);
        assertThat(switchover.has("TaskName")).isFalse();
        item = describeMigrations().path("Items").get(0);
        assertThat(item.path("MigrateStage").asString()).isEqualTo("switch");
        assertThat(item.path("SwitchTime").isNull()).isTrue();
        assertError(activate(), 403, "OperationDenied.MigrateStage");

        clock.advance(STAGE);
        item = describeMigrations().path("Items").get(0);
        assertThat(item.path("MigrateStage").asString()).isEqualTo("success");
        assertThat(item.path("ReplicationState").asString()).isEqualTo("finish");
        assertThat(item.path("SwitchTime").asString())
                .isEqualTo(item.path("GmtModified").asString());
    }

    @Test
    void allowsOneUnfinishedMigrationPerInstanceWithUniqueNames() {
        precheck("172.16.0.10");
        clock.advance(STAGE);
        ok(migrate("172.16.0.10", "TaskName", "only"));

        assertError(migrate("172.16.0.10", "TaskName", "only"), 400, "InvalidTaskName.Duplicate");
        assertError(migrate("172.16.0.10"), 403, "OperationDenied.MigrationTaskExists");
    }

    @Test
    void refusesASwitchoverWhenThereIsNoMigration() {
        JsonNode body = assertError(activate(), 403, "OperationDenied.MigrateStage");

        assertThat(body.path("Message").asString()).contains("no cloud migration task");
    }
}
