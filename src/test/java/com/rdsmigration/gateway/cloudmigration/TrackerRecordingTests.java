package com.rdsmigration.gateway.cloudmigration;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.WebhookReceiver;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas on one PostgreSQL schema, on the test's clock, calling the test application's simulator: the one running
 * the progress tracker records every stage of a migration it alone follows, in order, and announces each change once,
 * inside the recording transaction and to a webhook on this machine.
 */
@IntegrationTest
class TrackerRecordingTests extends TrackerReplicasTestBase {

    final WebhookReceiver receiver = new WebhookReceiver();

    @AfterAll
    void closeReceiver() {
        receiver.close();
    }

    @Test
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
        // the Standard Webhooks library (the class set the clock to the wall clock's time, which the library checks).
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
}
