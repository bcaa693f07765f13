package com.rdsmigration.gateway.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.GatewayInstance;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.support.TcpProxy;
import com.rdsmigration.gateway.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The store is the gate: a replica whose database has gone away (its connections reset, new ones refused, as when
 * PostgreSQL stops) refuses creates with 503 before anything reaches the upstream, and serves them again once the
 * database is back, without a restart.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreOutageTests {

    static final String IMPORT = "ImportDatabaseBetweenInstances";

    @LocalServerPort
    int simulatorPort;

    /** The simulator checks signature timestamps on this clock; the other gateways sign with the real one. */
    @Autowired
    MutableClock clock;

    TcpProxy database;
    GatewayInstance replica;

    @BeforeAll
    void startAReplicaBehindACuttableDatabase() {
        clock.set(Instant.now());
        JdbcConnectionDetails schema = TestDatabase.newSchema();
        URI server = URI.create(schema.getJdbcUrl().substring("jdbc:".length()));
        database = new TcpProxy(server.getHost(), server.getPort());
        String proxied =
                schema.getJdbcUrl().replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + database.port());
        JdbcConnectionDetails throughProxy = new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return schema.getUsername();
            }

            @Override
            public String getPassword() {
                return schema.getPassword();
            }

            @Override
            public String getJdbcUrl() {
                return proxied;
            }
        };
        replica = GatewayInstance.start(
                throughProxy, simulatorPort, Map.of("spring.datasource.hikari.connection-timeout", "1000"));
    }

    @AfterAll
    void stop() {
        replica.close();
        database.close();
    }

    @Test
    void createsAnswer503WithoutCallingTheUpstreamWhileTheDatabaseIsDownAndWorkAgainWhenItIsBack() {
        GatewayApi api = new GatewayApi(replica.port(), GatewayApi.TEAM_A);
        GatewayApi simulator = new GatewayApi(simulatorPort, null);
        assertThat(api.post("/api/v1/imports", GatewayApi.newImport()).statusCode())
                .isEqualTo(201);

        database.cut();
        Instant cut = Instant.now();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> refused = api.post("/api/v1/imports", GatewayApi.newImport());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValueAsLong("Retry-After").orElse(0))
                    .isPositive();
            assertThat(GatewayApi.json(refused).path("type").asString())
                    .isEqualTo("urn:rds-migration-gateway:problem:store-unavailable");
        }
        assertThat(simulator.arrivals(IMPORT, cut))
                .as("nothing was sent upstream")
                .isEmpty();

        database.restore();
        // The pool opens its connections again on its own schedule (after failures it backs off); until then a create
        // is still refused with 503 before the upstream, so the test asks again, within a bound.
        HttpResponse<String> created = Awaitility.await("a create once the database is back")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.post("/api/v1/imports", GatewayApi.newImport()), answer -> answer.statusCode() != 503);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = GatewayApi.json(created).path("id").asString();
        assertThat(api.get("/api/v1/imports/" + id).statusCode()).isEqualTo(200);
        assertThat(simulator.arrivals(IMPORT, cut)).hasSize(1);
    }
}
