package com.rdsmigration.gateway.cloudmigration;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.rds.RdsClient;
import com.rdsmigration.gateway.rds.wire.CloudMigrationTaskFilter;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationPrecheckResultRequest;
import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.GatewayInstance;
import com.rdsmigration.gateway.support.GatewayProcess;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A gateway killed (SIGKILL, in its own JVM) after it sent two creates and before it heard back: the upstream (this
 * test's simulator) acted on both. A restarted gateway's reconciler settles both intents without sending either again:
 * the precheck is found by its gateway-made TaskName and recorded with the upstream's TaskId; the import, which the
 * upstream cannot be asked about, becomes UNKNOWN for an operator (the restarted gateway is a new one on the same
 * schema, in the test's JVM). Neither is left PENDING, and nothing is duplicated.
 */
@IntegrationTest
class KilledGatewayRecoveryTests {

    static final String PRECHECK = "CreateCloudMigrationPrecheckTask";
    static final String IMPORT = "ImportDatabaseBetweenInstances";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int simulatorPort;

    /** The simulator checks signature timestamps on this clock; the other gateways sign with the real one. */
    @Autowired
    MutableClock clock;

    @Autowired
    RdsClient upstream;

    @Test
    void aKilledGatewaysCreatesAreResolvedAfterRestartAndNeverSentTwice() {
        clock.set(Instant.now());
        JdbcConnectionDetails schema = TestDatabase.newSchema();
        JdbcClient store = JdbcClient.create(
                new DriverManagerDataSource(schema.getJdbcUrl(), schema.getUsername(), schema.getPassword()));
        Map<String, String> settings = Map.of(
                "rds.read-timeout", "120s", // the answers are held; the gateway is killed while it waits
                "gateway.reconciler.interval", "1s",
                "gateway.reconciler.grace", "1s");
        GatewayApi simulator = new GatewayApi(simulatorPort, null);
        String target = GatewayApi.newInstance("pgm", "team-a");
        long precheckCreates = simulator.upstreamCalls(PRECHECK);
        long importCreates = simulator.upstreamCalls(IMPORT);

        simulator.putFaults("{\"timeoutRate\": 1.0, \"timeoutHoldMs\": 90000, \"actions\": [\"" + PRECHECK + "\", \""
                + IMPORT + "\"]}");
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (GatewayProcess doomed = GatewayProcess.start("killed-gateway", schema, simulatorPort, settings)) {
            GatewayApi api = new GatewayApi(doomed.port(), GatewayApi.TEAM_A);
            callers.submit(() -> api.post("/api/v1/cloud-migration-prechecks", precheck(target)));
            callers.submit(() -> api.post("/api/v1/imports", GatewayApi.newImport()));
            await(
                    "both creates reached the upstream",
                    () -> simulator.upstreamCalls(PRECHECK) == precheckCreates + 1
                            && simulator.upstreamCalls(IMPORT) == importCreates + 1);
            doomed.kill();
        } finally {
            callers.shutdownNow();
            simulator.putFaults("{}");
        }
        assertThat(status(store, "cloud_migration_task")).isEqualTo("PENDING");
        assertThat(status(store, "import_task")).isEqualTo("PENDING");
        assertThat(store.sql("select action from audit_event where outcome = 'UNKNOWN'")
                        .query(String.class)
                        .list())
                .as("both attempts were on record before they left, and never completed")
                .containsExactlyInAnyOrder(PRECHECK, IMPORT);
        String taskName = store.sql("select task_name from cloud_migration_task")
                .query(String.class)
                .single();

        // The gateway that comes back: a whole new gateway on the same schema and settings. Only the killed one must be
        // a JVM of its own (for SIGKILL); this one starts in the test's JVM, where the classes are loaded already.
        try (GatewayInstance restarted = GatewayInstance.start(schema, simulatorPort, settings)) {
            await(
                    "the restarted gateway's reconciler settled both intents",
                    () -> !status(store, "cloud_migration_task").equals("PENDING")
                            && !status(store, "import_task").equals("PENDING"));
        }

        var upstreamTasks = upstream.describeCloudMigrationPrecheckResult(
                        new DescribeCloudMigrationPrecheckResultRequest(
                                CloudMigrationTaskFilter.byTaskName(target, taskName)))
                .items();
        assertThat(upstreamTasks).as("one precheck of that name upstream").hasSize(1);
        assertThat(store.sql("select task_id from cloud_migration_task")
                        .query(Long.class)
                        .single())
                .isEqualTo(upstreamTasks.get(0).taskId());
        assertThat(status(store, "cloud_migration_task")).isEqualTo("RUNNING");
        assertThat(store.sql("select count(*) from audit_event where principal = 'system' and outcome = 'SUCCEEDED'")
                        .query(Long.class)
                        .single())
                .as("the reconciler's reads are on record too")
                .isPositive();
        assertThat(status(store, "import_task")).isEqualTo("UNKNOWN");
        assertThat(simulator.upstreamCalls(PRECHECK)).as("never sent again").isEqualTo(precheckCreates + 1);
        assertThat(simulator.upstreamCalls(IMPORT)).as("never sent again").isEqualTo(importCreates + 1);
    }

    static String status(JdbcClient store, String table) {
        return store.sql("select status from " + table).query(String.class).single();
    }

    static String precheck(String target) {
        return "{\"targetInstanceId\":\"" + target + "\",\"source\":{\"host\":\"172.16.0.10\",\"port\":5432,"
                + "\"account\":\"migratetest\",\"password\":\"kill-test-password\",\"category\":\"ecsOnVpc\"}}";
    }

    /** Polls what another process does; that process runs on its own clock, so this one can only wait for it. */
    static void await(String what, Callable<Boolean> condition) {
        Awaitility.await(what)
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(condition);
    }
}
