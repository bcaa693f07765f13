package com.rdsmigration.gateway.cloudmigration;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.cloudmigration.tracking.TrackerLock;
import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.GatewayInstance;
import com.rdsmigration.gateway.support.GatewayProcess;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.support.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The replica running the tracker is killed outright (SIGKILL, in a JVM of its own): it never lets its lock go, and the
 * other replica takes over once the lock lapses, within one lock period of the dead one's last renewal, and goes on
 * reading the active migrations. The two never hold the lock at once.
 */
@IntegrationTest
class TrackerTakeoverTests {

    static final Duration LOCK_PERIOD = Duration.ofSeconds(4);
    static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Both replicas run on the system clock here: one of them is another process. */
    static final Map<String, String> SETTINGS = Map.of(
            "gateway.tracking.interval", "1s",
            "gateway.tracking.max-interval", "1s",
            "gateway.tracking.lock-period", LOCK_PERIOD.toSeconds() + "s",
            "gateway.tracking.check-period", "100ms",
            "rds.rate-limits.reads-per-second", "1000000",
            "rds.rate-limits.writes-per-second", "1000000",
            "gateway.reconciler.interval", "1h");

    @LocalServerPort
    int simulatorPort;

    /** The simulator checks signature timestamps on this clock; the replicas sign with the real one. */
    @Autowired
    MutableClock clock;

    @Test
    void killingTheReplicaRunningTheTrackerMovesTrackingToTheOtherWithinOneLockPeriod() {
        clock.set(Instant.now());
        JdbcConnectionDetails schema = TestDatabase.newSchema();
        JdbcClient store = JdbcClient.create(
                new DriverManagerDataSource(schema.getJdbcUrl(), schema.getUsername(), schema.getPassword()));
        try (GatewayProcess doomed = GatewayProcess.start("tracker-holder", schema, simulatorPort, SETTINGS)) {
            await("the first replica runs the tracker", () -> holder(store) != null);
            String doomedReplica = holder(store);
            try (GatewayInstance survivor = GatewayInstance.start(schema, simulatorPort, SETTINGS)) {
                TrackerLock survivorLock = survivor.bean(TrackerLock.class);
                String id = migration(new GatewayApi(survivor.port(), GatewayApi.TEAM_A));
                await("the first replica reads the migration", () -> syncs(store, id) >= 2);
                assertThat(holder(store)).isEqualTo(doomedReplica);
                assertThat(survivorLock.held()).isFalse();

                doomed.kill();
                Instant lastLockedUntil = lockUntil(store);

                Awaitility.await("the survivor takes over")
                        .atMost(LOCK_PERIOD.plusSeconds(2)) // one lock period, and a check and a poll of slack
                        .pollInterval(Duration.ofMillis(50))
                        .until(survivorLock::held);
                assertThat(holder(store)).isEqualTo(survivorLock.replica());
                assertThat(lockedAt(store))
                        .as("taken only once the dead replica's lock had lapsed")
                        .isAfterOrEqualTo(lastLockedUntil);
                Instant takenOver = Instant.now();
                await(
                        "the survivor reads the migration",
                        () -> store.sql("select synced_at from cloud_migration_task where id = :id")
                                .param("id", UUID.fromString(id))
                                .query(Timestamp.class)
                                .single()
                                .toInstant()
                                .isAfter(takenOver));
            }
        }
    }

    String migration(GatewayApi api) {
        String target = GatewayApi.newInstance("pgm", "team-a");
        String body = "{\"targetInstanceId\":\"" + target + "\",\"source\":{\"host\":\"172.16.0.10\",\"port\":5432,"
                + "\"account\":\"migratetest\",\"password\":\"takeover-pw\",\"category\":\"ecsOnVpc\"}}";
        assertThat(api.post("/api/v1/cloud-migration-prechecks", body).statusCode())
                .isEqualTo(201);
        clock.advance(Duration.ofSeconds(5)); // the simulator's precheck passes after one stage
        HttpResponse<String> created = api.post("/api/v1/cloud-migrations", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return GatewayApi.json(created).path("id").asString();
    }

    /** How many reads of the migration are on record (the audit trail is in the shared store). */
    static long syncs(JdbcClient store, String id) {
        return store.sql("select count(*) from audit_event a join cloud_migration_task t on a.task_id = t.task_id"
                        + " where t.id = :id and a.action = 'DescribeCloudMigrationResult' and a.outcome = 'SUCCEEDED'")
                .param("id", UUID.fromString(id))
                .query(Long.class)
                .single();
    }

    static String holder(JdbcClient store) {
        return store.sql("select locked_by from shedlock where name = :name and lock_until > timezone('utc', now())")
                .param("name", TrackerLock.NAME)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    static Instant lockUntil(JdbcClient store) {
        return column(store, "lock_until");
    }

    static Instant lockedAt(JdbcClient store) {
        return column(store, "locked_at");
    }

    /** A UTC timestamp of the lock row, as an instant. */
    static Instant column(JdbcClient store, String column) {
        return store.sql("select " + column + " from shedlock where name = :name")
                .param("name", TrackerLock.NAME)
                .query((row, n) ->
                        row.getObject(1, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC))
                .single();
    }

    static void await(String what, Callable<Boolean> condition) {
        Awaitility.await(what)
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(condition);
    }
}
