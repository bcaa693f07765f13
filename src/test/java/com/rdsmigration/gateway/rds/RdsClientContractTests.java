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
import com.rdsmigration.gateway.rds.wire.ImportDatabaseBetweenInstancesRequest;
import com.rdsmigration.gateway.rds.wire.MigrationResultItem;
import com.rdsmigration.gateway.rds.wire.PrecheckResultItem;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client against the running simulator over real signed HTTP: all seven actions in every auth mode. Refused
 * credentials: {@link RdsClientAuthenticationTests}; how errors are classified: {@link RdsClientErrorClassificationTests}.
 */
@IntegrationTest
class RdsClientContractTests extends RdsClientTestBase {

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
}
