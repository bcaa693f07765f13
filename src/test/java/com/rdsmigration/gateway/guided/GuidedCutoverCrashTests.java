package com.rdsmigration.gateway.guided;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.cloudmigration.tracking.TrackerLock;
import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.GatewayInstance;
import com.rdsmigration.gateway.support.GatewayProcess;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.support.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The replica driving a guided migration is killed (SIGKILL, its own JVM) after it recorded the cutover and sent the
 * Activate, before it heard the answer (the simulator acts, then holds the answer back). A restarted gateway (a new
 * one on the same schema, in the test's JVM) takes the tracker's lock, finds the cutover decided but unanswered, reads
 * the upstream, sees the switch, and ends the guided migration SUCCEEDED: the simulator's log shows exactly one
 * Activate.
 */
@IntegrationTest
class GuidedCutoverCrashTests {

    static final String ACTIVATE = "ActivateMigrationTargetInstance";
    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** One simulator stage (5 s) and a bit: the simulator runs on this test's clock. */
    static final Duration STAGE = Duration.ofSeconds(6);

    @LocalServerPort
    int simulatorPort;

    @Autowired
    MutableClock clock;

    @Test
    void aCutoverWhoseDriverDiedMidCallEndsSucceededWithExactlyOneActivate() {
        clock.set(Instant.now());
        JdbcConnectionDetails schema = TestDatabase.newSchema();
        JdbcClient store = JdbcClient.create(
                new DriverManagerDataSource(schema.getJdbcUrl(), schema.getUsername(), schema.getPassword()));
        Map<String, String> settings = Map.of(
                "rds.read-timeout", "120s", // the Activate's answer is held; the driver is killed while it waits
                "gateway.tracking.lock-period", "2s",
                "gateway.tracking.check-period", "200ms",
                "gateway.tracking.max-staleness", "500ms",
                "gateway.guided.check-period", "200ms");
        GatewayApi simulator = new GatewayApi(simulatorPort, null);
        long activates = simulator.upstreamCalls(ACTIVATE);
        simulator.putFaults("{\"timeoutRate\": 1.0, \"timeoutHoldMs\": 90000, \"actions\": [\"" + ACTIVATE + "\"]}");
        String id;
        try (GatewayProcess doomed = GatewayProcess.start("guided-driver-killed", schema, simulatorPort, settings)) {
            GatewayApi api = new GatewayApi(doomed.port(), GatewayApi.TEAM_A);
            HttpResponse<String> created = api.post(
                    "/api/v1/guided-migrations",
                    GuidedMigrations.body(GatewayApi.newInstance("pgm", "team-a"), "{\"requiredApprovals\":0}"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            id = GatewayApi.json(created).path("id").asString();
            await("the migration reached increment and the driver sent the Activate", () -> {
                clock.advance(STAGE);
                return simulator.upstreamCalls(ACTIVATE) == activates + 1;
            });
            assertThat(status(store, id)).isEqualTo("SWITCHING");
            doomed.kill();
        } finally {
            simulator.putFaults("{}");
        }
        assertThat(store.sql("select switch_task_id from guided_migration where id = :id::uuid")
                        .param("id", id)
                        .query(Long.class)
                        .optional())
                .as("the Activate's answer never reached the store")
                .isEmpty();

        // The gateway that comes back: a whole new gateway on the same schema and settings, with a replica name and a
        // tracker lock of its own. It need not be a JVM of its own (only the killed one must be, for SIGKILL), so it
        // starts in this one, where the classes are loaded already.
        try (GatewayInstance restarted = GatewayInstance.start(schema, simulatorPort, settings)) {
            await("the restarted gateway ended it", () -> {
                clock.advance(STAGE);
                return status(store, id).equals("SUCCEEDED");
            });
            assertThat(restarted.bean(TrackerLock.class).held())
                    .as("the restarted gateway holds the tracker's lock (the guided migrations are driven under it)")
                    .isTrue();
        }
        assertThat(simulator.upstreamCalls(ACTIVATE)).as("exactly one Activate").isEqualTo(activates + 1);
        assertThat(store.sql("select count(*) from guided_migration_history where guided_migration_id = :id::uuid"
                                + " and status = 'SWITCHING'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    static String status(JdbcClient store, String id) {
        return store.sql("select status from guided_migration where id = :id::uuid")
                .param("id", id)
                .query(String.class)
                .single();
    }

    /**
     * Polls what another process does, once a second: that process runs on its own clock, so this one can only wait
     * for it; the simulator's clock, moved by the condition, stays within minutes of the real one.
     */
    static void await(String what, Callable<Boolean> condition) {
        Awaitility.await(what)
                .atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(condition);
    }
}
