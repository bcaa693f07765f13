package com.rdsmigration.gateway.notifications;

import static com.rdsmigration.gateway.notifications.TaskChanges.CHANGED_AT;
import static com.rdsmigration.gateway.notifications.TaskChanges.precheckPassed;
import static com.rdsmigration.gateway.notifications.TaskChanges.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rdsmigration.gateway.cloudmigration.CloudMigrationChanged;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.WebhookReceiver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Changes published as the tracker publishes them (in a transaction) reach receivers on this machine once each, signed
 * so that the Standard Webhooks library verifies them; a change whose transaction rolls back is never sent; and workers
 * racing over one outbox never send a delivery twice. Retries: {@link WebhookRetryTests}.
 */
@IntegrationTest
class WebhookDeliveryTests extends WebhookDeliveryTestBase {

    @Test
    void deliversEachChangeOnceVerifiablyToTheTasksAndTheTeamsSubscriptions() throws Exception {
        UUID precheck = UUID.fromString(createPrecheck());
        WebhookReceiver taskReceiver = receiver();
        WebhookReceiver teamReceiver = receiver();
        JsonNode taskWebhook = subscribe(teamA, taskReceiver, precheck);
        JsonNode teamWebhook = subscribe(teamA, teamReceiver, null);
        UUID migration = UUID.randomUUID();
        UUID otherTeamsTask = UUID.randomUUID();

        publish(precheckPassed(precheck, "team-a"));
        publish(stage(migration, "team-a", null, "precheck"), stage(migration, "team-a", "precheck", "basebackup"));
        publish(stage(otherTeamsTask, "team-b", "basebackup", "startup"));

        await().atMost(DELIVERY).untilAsserted(() -> {
            assertThat(taskReceiver.about(precheck)).hasSize(1);
            assertThat(teamReceiver.about(precheck)).hasSize(1);
            assertThat(teamReceiver.about(migration)).hasSize(2);
            assertThat(pendingDeliveries(taskWebhook, teamWebhook)).isZero();
        });
        assertThat(deliveries(teamWebhook, otherTeamsTask))
                .as("nothing of another team's task")
                .isZero();
        assertThat(teamReceiver.about(otherTeamsTask)).isEmpty();
        List<WebhookReceiver.Received> all = new ArrayList<>(taskReceiver.about(precheck));
        all.addAll(teamReceiver.about(precheck));
        all.addAll(teamReceiver.about(migration));
        assertThat(all.stream().map(WebhookReceiver.Received::deliveryId)).doesNotHaveDuplicates();
        for (WebhookReceiver.Received received : taskReceiver.received()) {
            received.verify(taskWebhook.path("signingSecret").asString());
            assertThat(received.verifiedWith(teamWebhook.path("signingSecret").asString()))
                    .as("verified with another webhook's secret")
                    .isFalse();
            assertThat(received.timestamp()).isEqualTo(clock.instant().getEpochSecond());
        }
        for (WebhookReceiver.Received received : teamReceiver.received()) {
            received.verify(teamWebhook.path("signingSecret").asString());
        }

        JsonNode body = taskReceiver.about(precheck).get(0).json();
        assertThat(body.path("id").asString())
                .isEqualTo(taskReceiver.about(precheck).get(0).deliveryId());
        assertThat(body.path("event").asString()).isEqualTo("cloudmigration.changed");
        assertThat(Instant.parse(body.path("occurredAt").asString())).isEqualTo(CHANGED_AT);
        JsonNode task = body.path("task");
        assertThat(task.path("kind").asString()).isEqualTo("precheck");
        assertThat(task.path("taskId").asLong()).isEqualTo(4242L);
        assertThat(task.path("taskName").asString()).isEqualTo("orders-precheck");
        assertThat(task.path("previousStatus").asString()).isEqualTo("RUNNING");
        assertThat(task.path("status").asString()).isEqualTo("PASSED");
        assertThat(task.has("stage")).isTrue();
        List<String> stages = teamReceiver.about(migration).stream()
                .map(received -> received.json().path("task").path("stage").asString())
                .toList();
        assertThat(stages).containsExactlyInAnyOrder("precheck", "basebackup");
        assertThat(meters.get("gateway.webhooks.deliveries")
                        .tag("outcome", "delivered")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void writesNoDeliveryForAChangeWhoseTransactionRollsBack() {
        JsonNode webhook = subscribe(teamA, receiver(), null);
        UUID task = UUID.randomUUID();

        transactions.executeWithoutResult(status -> {
            events.publishEvent(stage(task, "team-a", null, "precheck"));
            status.setRollbackOnly();
        });

        assertThat(deliveries(webhook, task)).isZero();
    }

    @Test
    void workersRacingOverOneOutboxNeverSendADeliveryTwice() throws Exception {
        WebhookReceiver receiver = receiver();
        JsonNode webhook = subscribe(teamA, receiver, null);
        List<CloudMigrationChanged> changes = new ArrayList<>();
        Set<UUID> tasks = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            UUID task = UUID.randomUUID();
            tasks.add(task);
            changes.add(stage(task, "team-a", "basebackup", "startup"));
        }
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            publish(changes.toArray(CloudMigrationChanged[]::new));
            List<Future<Integer>> racing = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                racing.add(workers.submit(() -> {
                    start.await();
                    int claimed = 0;
                    for (int batch = worker.deliverDue(); batch > 0; batch = worker.deliverDue()) {
                        claimed += batch;
                    }
                    return claimed;
                }));
            }
            for (Future<Integer> done : racing) {
                done.get();
            }
        } finally {
            workers.shutdownNow();
        }

        // The racing claims fill the team's sending slots; the replica's own loop sends the rest, two at a time.
        await().atMost(DELIVERY.multipliedBy(4)).until(() -> pendingDeliveries(webhook) == 0);
        List<WebhookReceiver.Received> mine = receiver.received().stream()
                .filter(received -> tasks.contains(
                        UUID.fromString(received.json().path("task").path("id").asString())))
                .toList();
        assertThat(mine).hasSize(200);
        assertThat(mine.stream().map(WebhookReceiver.Received::deliveryId)).doesNotHaveDuplicates();
        assertThat(mine)
                .allSatisfy(received ->
                        received.verify(webhook.path("signingSecret").asString()));
        assertThat(jdbc.sql("select max(attempts) from webhook_delivery where subscription_id = :id")
                        .param("id", UUID.fromString(webhook.path("id").asString()))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }
}
