package com.rdsmigration.gateway.cloudmigration;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.cloudmigration.tracking.TrackerLock;
import com.rdsmigration.gateway.support.GatewayInstance;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two replicas on one PostgreSQL schema, on the test's clock, calling the test application's simulator: exactly one of
 * them runs the progress tracker, which reads each due task once per interval (never once per replica), backs off while
 * nothing changes and batches the tasks of an instance; when the replica running it stops, the other takes over. What
 * the tracker records and announces: {@link TrackerRecordingTests}.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrackerReplicasTests extends TrackerReplicasTestBase {

    @Test
    @Order(1)
    void fiftyActiveMigrationsAreReadOncePerDueIntervalWhicheverReplicaHoldsTheLock() {
        List<String> ids = migrations(50);
        await("every new migration read once", () -> count(ids, "synced_at is null") == 0);

        int rounds = 8;
        long reads = 0;
        for (int round = 1; round <= rounds; round++) {
            long due = count(ids, "next_sync_at <= " + at(clock.instant().plus(INTERVAL)));
            long before = simulator.upstreamCalls(DESCRIBE);

            clock.advance(INTERVAL);
            Instant now = clock.instant();
            await("round " + round + " read", () -> count(ids, "next_sync_at <= " + at(now)) == 0);

            assertThat(simulator.upstreamCalls(DESCRIBE) - before)
                    .as("Describe calls in round %s, with %s migrations due", round, due)
                    .isEqualTo(due);
            assertThat(store.sql("select count(*) from audit_event where action = :action and occurred_at = :now"
                                    + " group by task_id having count(*) > 1")
                            .param("action", DESCRIBE)
                            .param("now", OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
                            .query(Long.class)
                            .list())
                    .as("no migration read twice in round %s", round)
                    .isEmpty();
            assertThat(store.sql("select count(distinct task_id) from audit_event where action = :action"
                                    + " and occurred_at = :now")
                            .param("action", DESCRIBE)
                            .param("now", OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
                            .query(Long.class)
                            .single())
                    .as("migrations read in round %s, on the audit trail", round)
                    .isEqualTo(due);
            if (round <= 3) {
                assertThat(due).as("all fifty move on a stage every interval").isEqualTo(50);
            }
            reads += due;
        }
        assertThat(reads)
                .as("in increment nothing changes: reads back off to every 20 s")
                .isLessThan(50L * rounds);
        assertThat(store.sql("select count(*) from audit_event where action = :action and principal <> 'system'")
                        .param("action", DESCRIBE)
                        .query(Long.class)
                        .single())
                .as("the tracker's reads are the gateway's own")
                .isZero();
    }

    @Test
    @Order(2)
    void theDuePrechecksOfOneInstanceAreReadWithOneCall() {
        String target = instance();
        List<String> ids = new ArrayList<>();
        for (int host = 11; host <= 13; host++) {
            HttpResponse<String> created = api(host % 2).post("/api/v1/cloud-migration-prechecks", body(target, host));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            ids.add(json(created).path("id").asString());
        }
        await("the new prechecks read", () -> count(ids, "synced_at is null") == 0);
        long before = simulator.upstreamCalls(DESCRIBE_PRECHECKS);

        clock.advance(INTERVAL);
        await("the prechecks passed", () -> count(ids, "status = 'PASSED'") == 3);

        assertThat(simulator.upstreamCalls(DESCRIBE_PRECHECKS) - before)
                .as("one listing of the instance covers all three")
                .isEqualTo(1);
    }

    @Test
    @Order(4)
    void stoppingTheReplicaRunningTheTrackerHandsTrackingToTheOtherWithinOneLockPeriod() {
        String holder = store.sql("select locked_by from shedlock where name = :name")
                .param("name", TrackerLock.NAME)
                .query(String.class)
                .single();
        GatewayInstance running = replicas.stream()
                .filter(replica -> replica.bean(TrackerLock.class).replica().equals(holder))
                .findFirst()
                .orElseThrow();
        GatewayInstance other = replicas.stream()
                .filter(replica -> replica != running)
                .findFirst()
                .orElseThrow();
        assertThat(other.bean(TrackerLock.class).held()).isFalse();
        double readsBefore = trackerReads(other);

        running.close();
        replicas.remove(running);

        Awaitility.await("the other replica runs the tracker")
                .atMost(LOCK_PERIOD)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> other.bean(TrackerLock.class).held());
        List<String> ids = migrations(2);
        await("the other replica reads new migrations", () -> count(ids, "synced_at is null") == 0);
        assertThat(trackerReads(other)).isGreaterThanOrEqualTo(readsBefore + 2);
    }
}
