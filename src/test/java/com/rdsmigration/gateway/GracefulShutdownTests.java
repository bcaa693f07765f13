package com.rdsmigration.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.GatewayProcess;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.support.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * SIGTERM while a create is waiting on the upstream (a rolling update, a node drain): the gateway stops taking new
 * requests but lets the one in flight finish, records the upstream's answer and only then closes its database pool
 * and exits. The caller gets its 201, the task is on record as running with its upstream id, and the attempt's audit
 * event is complete: nothing is left for the reconciler.
 */
@IntegrationTest
class GracefulShutdownTests {

    static final String IMPORT = "ImportDatabaseBetweenInstances";

    /** The upstream of the gateway under test: this test application's simulator. */
    @LocalServerPort
    int simulatorPort;

    /** The simulator checks signature timestamps on this clock; the gateway process signs with the real one. */
    @Autowired
    MutableClock clock;

    @Test
    void aStoppingGatewayFinishesAndRecordsTheUpstreamCallInFlight() throws Exception {
        clock.set(Instant.now());
        JdbcConnectionDetails schema = TestDatabase.newSchema();
        JdbcClient store = JdbcClient.create(
                new DriverManagerDataSource(schema.getJdbcUrl(), schema.getUsername(), schema.getPassword()));
        GatewayApi simulator = new GatewayApi(simulatorPort, null);
        long importsBefore = simulator.upstreamCalls(IMPORT);
        // The simulator acts on the import at once and holds its answer back, so the call is in flight for a while.
        simulator.putFaults("{\"latencyMs\": 5000, \"actions\": [\"" + IMPORT + "\"]}");
        try (GatewayProcess gateway = GatewayProcess.start("graceful-gateway", schema, simulatorPort, Map.of())) {
            GatewayApi team = new GatewayApi(gateway.port(), GatewayApi.TEAM_A);
            CompletableFuture<HttpResponse<String>> created =
                    CompletableFuture.supplyAsync(() -> team.post("/api/v1/imports", GatewayApi.newImport()));
            Awaitility.await("the create to reach the upstream")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> simulator.upstreamCalls(IMPORT) == importsBefore + 1);

            assertThat(gateway.terminate(Duration.ofSeconds(60)))
                    .as("the gateway exits by itself after SIGTERM")
                    .isTrue();

            assertThat(created.get(10, TimeUnit.SECONDS).statusCode())
                    .as("the caller's request in flight was answered")
                    .isEqualTo(201);
            assertThat(gateway.output())
                    .contains("Commencing graceful shutdown")
                    .contains("Graceful shutdown complete");
        } finally {
            simulator.putFaults("{}");
        }
        assertThat(store.sql("select status from import_task")
                        .query(String.class)
                        .single())
                .as("the upstream's answer was recorded before the pool closed")
                .isEqualTo("RUNNING");
        assertThat(store.sql("select import_id from import_task")
                        .query(String.class)
                        .single())
                .isNotBlank();
        assertThat(store.sql("select outcome from audit_event where action = ?")
                        .param(IMPORT)
                        .query(String.class)
                        .list())
                .containsExactly("SUCCEEDED");
    }
}
