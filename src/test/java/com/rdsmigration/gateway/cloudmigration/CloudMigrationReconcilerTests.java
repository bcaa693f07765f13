package com.rdsmigration.gateway.cloudmigration;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.rds.RdsClient;
import com.rdsmigration.gateway.rds.wire.CloudMigrationSource;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationPrecheckTaskRequest;
import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.system.ReconcilerProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Tasks left PENDING by a crash are resolved against the upstream by their gateway-chosen names. */
@IntegrationTest
class CloudMigrationReconcilerTests {

    static final MigrationSource SOURCE = new MigrationSource("172.16.0.10", 5432, "migratetest", null, "ecsOnVpc");

    @Autowired
    CloudMigrationReconciler reconciler;

    @Autowired
    CloudMigrationStore store;

    @Autowired
    CloudMigrationTaskRepository repository;

    @Autowired
    RdsClient rds;

    @Autowired
    MutableClock clock;

    @Autowired
    ReconcilerProperties properties;

    static String instance() {
        return GatewayApi.newInstance("pgm", "team-a");
    }

    @Test
    void recordsATaskTheUpstreamAcceptedBeforeTheGatewayDied() {
        String target = instance();
        String name = TaskNames.generate();
        CloudMigrationTask intent = store.recordIntent(NewTask.of(TaskKind.PRECHECK, "team-a", target, SOURCE, name));
        long upstreamId = rds.createCloudMigrationPrecheckTask(new CreateCloudMigrationPrecheckTaskRequest(
                        target, new CloudMigrationSource("172.16.0.10", 5432, "migratetest", "pw", "ecsOnVpc"), name))
                .taskId();

        clock.advance(properties.grace().plus(Duration.ofSeconds(1)));
        reconciler.reconcile();

        CloudMigrationTask resolved = repository.findById(intent.getId()).orElseThrow();
        assertThat(resolved.getStatus()).isEqualTo(TaskStatus.RUNNING);
        assertThat(resolved.getTaskId()).isEqualTo(upstreamId);
    }

    @Test
    void dropsAnIntentThatNeverReachedTheUpstream() {
        CloudMigrationTask intent =
                store.recordIntent(NewTask.of(TaskKind.MIGRATION, "team-a", instance(), SOURCE, TaskNames.generate()));

        clock.advance(properties.grace().plus(Duration.ofSeconds(1)));
        reconciler.reconcile();

        assertThat(repository.findById(intent.getId())).isEmpty();
    }

    @Test
    void leavesACreateThatMayStillBeInFlightAlone() {
        CloudMigrationTask intent =
                store.recordIntent(NewTask.of(TaskKind.PRECHECK, "team-a", instance(), SOURCE, TaskNames.generate()));

        reconciler.reconcile();

        assertThat(repository.findById(intent.getId()).orElseThrow().getStatus())
                .isEqualTo(TaskStatus.PENDING);
        clock.advance(properties.grace().plus(Duration.ofSeconds(1)));
        reconciler.reconcile();
        assertThat(repository.findById(intent.getId())).isEmpty();
    }

    @Test
    void doesNotAdoptANamesakeWithAnotherSource() {
        String target = instance();
        String name = "orders-precheck";
        CloudMigrationTask intent = store.recordIntent(NewTask.of(TaskKind.PRECHECK, "team-a", target, SOURCE, name));
        rds.createCloudMigrationPrecheckTask(new CreateCloudMigrationPrecheckTaskRequest(
                target, new CloudMigrationSource("172.16.0.99", 5432, "migratetest", "pw", "ecsOnVpc"), name));

        clock.advance(properties.grace().plus(Duration.ofSeconds(1)));
        reconciler.reconcile();

        assertThat(repository.findById(intent.getId()))
                .as("the upstream's task of that name checks another source: ours never got there")
                .isEmpty();
    }
}
