package com.rdsmigration.gateway.cloudmigration;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.GatewayInstance;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas on one PostgreSQL schema of their own, on the test's clock (set to the wall clock's time when the class
 * starts), calling the test application's simulator, with the tracker's intervals short; every change event they
 * publish is kept. Each subclass starts its own pair and stops it, and carries {@link IntegrationTest} and nothing else
 * so that the test application's context is the shared one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrackerReplicasTestBase {

    /** The tracker's interval, equal to the simulator's stage duration: a migration moving on is read every stage. */
    static final Duration INTERVAL = Duration.ofSeconds(5);

    static final Duration LOCK_PERIOD = Duration.ofSeconds(3);
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String DESCRIBE = "DescribeCloudMigrationResult";
    static final String DESCRIBE_PRECHECKS = "DescribeCloudMigrationPrecheckResult";

    @LocalServerPort
    int simulatorPort;

    @Autowired
    MutableClock clock;

    GatewayApi simulator;
    JdbcClient store;
    final List<GatewayInstance> replicas = new ArrayList<>();
    final List<Published> published = new CopyOnWriteArrayList<>();

    /** A change event as a replica published it, and whether a transaction was open around it. */
    record Published(CloudMigrationChanged event, boolean inTransaction) {}

    @BeforeAll
    void startTwoReplicas() {
        clock.set(Instant.now());
        JdbcConnectionDetails schema = TestDatabase.newSchema();
        Map<String, String> settings = Map.ofEntries(
                Map.entry("gateway.tracking.interval", INTERVAL.toSeconds() + "s"),
                Map.entry("gateway.tracking.max-interval", "20s"),
                Map.entry("gateway.tracking.lock-period", LOCK_PERIOD.toSeconds() + "s"),
                Map.entry("gateway.tracking.check-period", "50ms"),
                Map.entry("rds.rate-limits.reads-per-second", "1000000"),
                Map.entry("rds.rate-limits.writes-per-second", "1000000"),
                Map.entry("gateway.security.rate-limit.requests-per-second", "1000000"),
                Map.entry("gateway.security.rate-limit.burst", "1000000"),
                Map.entry("resilience4j.retry.configs.default.wait-duration", "2ms"),
                Map.entry("resilience4j.retry.configs.default.exponential-max-wait-duration", "10ms"));
        for (int i = 0; i < 2; i++) {
            GatewayInstance replica = GatewayInstance.start(schema, simulatorPort, settings, clock);
            replica.listen(event -> {
                if (event instanceof PayloadApplicationEvent<?> payload
                        && payload.getPayload() instanceof CloudMigrationChanged changed) {
                    published.add(
                            new Published(changed, TransactionSynchronizationManager.isActualTransactionActive()));
                }
            });
            replicas.add(replica);
        }
        simulator = new GatewayApi(simulatorPort, null);
        store = JdbcClient.create(
                new DriverManagerDataSource(schema.getJdbcUrl(), schema.getUsername(), schema.getPassword()));
    }

    @AfterAll
    void stopReplicas() {
        replicas.forEach(GatewayInstance::close);
    }

    GatewayApi api(int replica) {
        return new GatewayApi(replicas.get(replica).port(), GatewayApi.TEAM_A);
    }

    static double trackerReads(GatewayInstance replica) {
        return replica.bean(MeterRegistry.class).find("gateway.tracking.upstream.reads").counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    /** {@code count} running migrations created over both replicas, each after a passed precheck; their ids. */
    List<String> migrations(int count) {
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String target = instance();
            HttpResponse<String> precheck =
                    api(i % replicas.size()).post("/api/v1/cloud-migration-prechecks", body(target, 10));
            assertThat(precheck.statusCode()).as(precheck.body()).isEqualTo(201);
            targets.add(target);
        }
        clock.advance(INTERVAL);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> migration =
                    api(i % replicas.size()).post("/api/v1/cloud-migrations", body(targets.get(i), 10));
            assertThat(migration.statusCode()).as(migration.body()).isEqualTo(201);
            ids.add(json(migration).path("id").asString());
        }
        return ids;
    }

    long count(List<String> ids, String condition) {
        return store.sql("select count(*) from cloud_migration_task where id in (:ids) and " + condition)
                .param("ids", ids.stream().map(UUID::fromString).toList())
                .query(Long.class)
                .single();
    }

    String stage(String id) {
        return store.sql("select stage from cloud_migration_task where id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .optional()
                .orElse(null);
    }

    static String at(Instant instant) {
        return "timestamp with time zone '" + OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) + "'";
    }

    static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    static String instance() {
        return GatewayApi.newInstance("pgm", "team-a");
    }

    static String body(String target, int host) {
        return "{\"targetInstanceId\":\"" + target + "\",\"source\":{\"host\":\"172.16.0." + host + "\",\"port\":5432,"
                + "\"account\":\"migratetest\",\"password\":\"tracked-pw\",\"category\":\"ecsOnVpc\"}}";
    }

    /** Polls what the replicas' trackers do on their own threads. */
    static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what)
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }
}
