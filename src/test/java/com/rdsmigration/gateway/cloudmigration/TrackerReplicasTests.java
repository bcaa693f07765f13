package com.rdsmigration.gateway.cloudmigration;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.rdsmigration.gateway.cloudmigration.tracking.TrackerLock;
import com.rdsmigration.gateway.support.GatewayInstance;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.WebhookReceiver;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas on one PostgreSQL schema, on the test's clock, calling the test application's simulator: exactly one of
 * them runs the progress tracker, which reads each due task once per interval (never once per replica), backs off while
 * nothing changes and batches the tasks of an instance; the one running it records every stage of a migration it alone
 * follows, in order, and announces each change once, inside the recording transaction and to a webhook on this
 * machine; when the replica running it stops, the other takes over. One pair of replicas serves all of these, in order.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrackerReplicasTests extends TrackerReplicasTestBase {

    final WebhookReceiver receiver = new WebhookReceiver();

    @AfterAll
    void closeReceiver() {
        receiver.close();
    }

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
    @Order(3)
    void aMigrationFollowedByTheTrackerAloneRecordsEveryStageInOrderAndAnnouncesEachChangeOnce() {
        HttpResponse<String> subscribed =
                api(0).post("/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}"); // every team-a task
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String secret = json(subscribed).path("signingSecret").asString();
        String target = instance();
        JsonNode precheck = json(api(0).post("/api/v1/cloud-migration-prechecks", body(target, 10)));
        String precheckId = precheck.path("id").asString();
        clock.advance(INTERVAL);
        await("the precheck passed", () -> count(List.of(precheckId), "status = 'PASSED'") == 1);

        HttpResponse<String> created = api(1).post(
                        "/api/v1/cloud-migrations",
                        body(target, 10).replace("}}", "},\"precheckId\":\"" + precheckId + "\"}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();
        await("stage precheck seen", () -> "precheck".equals(stage(id)));
        for (String next : List.of("basebackup", "startup", "increment")) {
            clock.advance(INTERVAL);
            await("stage " + next + " seen", () -> next.equals(stage(id)));
        }
        HttpResponse<String> switched = api(0).post("/api/v1/cloud-migrations/" + id + "/switchover", "");
        assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
        await("stage switch seen", () -> "switch".equals(stage(id)));
        clock.advance(INTERVAL);
        await("the migration succeeded", () -> count(List.of(id), "status = 'SUCCEEDED'") == 1);

        JsonNode migration = json(api(1).get("/api/v1/cloud-migrations/" + id));
        assertThat(migration.path("stageHistory").findValuesAsString("stage"))
                .containsExactly("precheck", "basebackup", "startup", "increment", "switch", "success");
        List<Instant> firstSeen = migration.path("stageHistory").findValuesAsString("firstSeenAt").stream()
                .map(Instant::parse)
                .toList();
        assertThat(firstSeen)
                .as("switch is seen at once, with no clock move after increment")
                .isSorted();
        assertThat(migration.path("health").asString()).isEqualTo("HEALTHY");

        List<Published> changes = published.stream()
                .filter(change -> change.event().id().toString().equals(id))
                .toList();
        assertThat(changes).allMatch(Published::inTransaction, "published inside the recording transaction");
        assertThat(changes)
                .extracting(
                        change -> change.event().previousStatus(),
                        change -> change.event().status(),
                        change -> change.event().stage(),
                        change -> change.event().replicationState())
                .containsExactly(
                        tuple("PENDING", "RUNNING", null, null),
                        tuple("RUNNING", "RUNNING", "precheck", "unstarted"),
                        tuple("RUNNING", "RUNNING", "basebackup", "unstarted"),
                        tuple("RUNNING", "RUNNING", "startup", "catchup"),
                        tuple("RUNNING", "RUNNING", "increment", "streaming"),
                        tuple("RUNNING", "SWITCHING", "increment", "streaming"),
                        tuple("SWITCHING", "SWITCHING", "switch", "streaming"),
                        tuple("SWITCHING", "SUCCEEDED", "success", "finish"));
        assertThat(changes)
                .allSatisfy(change -> assertThat(change.event().team()).isEqualTo("team-a"));

        // Both replicas send from one outbox: the receiver on localhost gets each change once, and verifies it with
        // the Standard Webhooks library (the class set the clock to the wall clock's time, which the library checks,
        // and
        // moved it by about a minute since).
        await("every change delivered", () -> receiver.about(id).size() >= changes.size());
        List<WebhookReceiver.Received> delivered = receiver.about(id);
        assertThat(delivered).hasSameSizeAs(changes);
        assertThat(delivered.stream().map(WebhookReceiver.Received::deliveryId)).doesNotHaveDuplicates();
        assertThat(delivered).allSatisfy(request -> request.verify(secret));
        assertThat(delivered)
                .extracting(
                        request -> text(request.json().path("task").path("previousStatus")),
                        request -> text(request.json().path("task").path("status")),
                        request -> text(request.json().path("task").path("stage")))
                .containsExactlyInAnyOrderElementsOf(changes.stream()
                        .map(change -> tuple(
                                change.event().previousStatus(),
                                change.event().status(),
                                change.event().stage()))
                        .toList());
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
