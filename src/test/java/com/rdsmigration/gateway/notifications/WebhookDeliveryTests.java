package com.rdsmigration.gateway.notifications;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rdsmigration.gateway.cloudmigration.CloudMigrationChanged;
import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.support.WebhookReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Changes published as the tracker publishes them (in a transaction) reach receivers on this machine once each,
 * signed so that the Standard Webhooks library verifies them; failed attempts are retried on the backoff's schedule
 * (the clock is moved by hand) and then given up; and workers racing over one outbox never send a delivery twice.
 *
 * <p>The library checks each delivery's timestamp against the wall clock, as every receiver does, so each test starts
 * with the gateway's clock, which other tests move, on the wall clock's time.
 */
@IntegrationTest
class WebhookDeliveryTests {

    static final Duration DELIVERY = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    MeterRegistry meters;

    GatewayApi teamA;
    final List<WebhookReceiver> receivers = new ArrayList<>();
    final List<String> subscriptions = new ArrayList<>();
    Runnable clockBack;

    @BeforeEach
    void setUp() {
        teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        clockBack = clock.setToWallClock();
    }

    @AfterEach
    void removeSubscriptionsAndReceivers() {
        GatewayApi admin = teamA.as(GatewayApi.ADMIN);
        subscriptions.forEach(id -> admin.delete("/api/v1/webhooks/" + id));
        receivers.forEach(WebhookReceiver::close);
        clockBack.run();
    }

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
    void retriesAFailedDeliveryOnTheBackoffScheduleWithTheSameIdSignedAfreshEachTime() {
        WebhookReceiver receiver = receiver().answering(attempt -> attempt <= 2 ? 500 : 200);
        JsonNode webhook = subscribe(teamA, receiver, null);
        UUID task = UUID.randomUUID();

        publish(stage(task, "team-a", "startup", "increment"));
        awaitAttempts(webhook, task, 1, "PENDING");
        assertThat(secondsUntilNextAttempt(webhook, task)).isEqualTo(10);
        clock.advance(Duration.ofSeconds(9));
        worker.deliverDue();
        assertThat(receiver.about(task)).as("not due yet").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        awaitAttempts(webhook, task, 2, "PENDING");
        assertThat(secondsUntilNextAttempt(webhook, task)).isEqualTo(30);
        clock.advance(Duration.ofSeconds(30));
        awaitAttempts(webhook, task, 3, "DELIVERED");

        List<WebhookReceiver.Received> attempts = receiver.about(task);
        assertThat(attempts).hasSize(3);
        assertThat(attempts.stream().map(WebhookReceiver.Received::deliveryId).distinct())
                .hasSize(1);
        assertThat(attempts.stream().map(WebhookReceiver.Received::answeredWith))
                .containsExactly(500, 500, 200);
        assertThat(attempts.get(1).timestamp() - attempts.get(0).timestamp()).isEqualTo(10);
        assertThat(attempts.get(2).timestamp() - attempts.get(1).timestamp()).isEqualTo(30);
        assertThat(attempts)
                .allSatisfy(
                        attempt -> attempt.verify(webhook.path("signingSecret").asString()));
        assertThat(attempts.stream().map(WebhookReceiver.Received::body).distinct())
                .hasSize(1);

        JsonNode deliveries = json(teamA.get(
                        "/api/v1/webhooks/" + webhook.path("id").asString()))
                .path("deliveries");
        assertThat(deliveries.path("delivered").asLong()).isEqualTo(1);
        assertThat(deliveries.path("lastDelivery").path("id").asString())
                .isEqualTo(attempts.get(0).deliveryId());
        assertThat(deliveries.path("lastDelivery").path("status").asString()).isEqualTo("DELIVERED");
        assertThat(deliveries.path("lastDelivery").path("attempts").asInt()).isEqualTo(3);
        assertThat(deliveries.path("lastDelivery").path("httpStatus").asInt()).isEqualTo(200);
        assertThat(deliveries.path("lastDelivery").path("error").isNull()).isTrue();
    }

    @Test
    void givesADeliveryUpAfterTheMaximumAttemptsAndShowsItOnTheWebhook() {
        WebhookReceiver receiver = receiver().answering(attempt -> 500);
        JsonNode webhook = subscribe(teamA, receiver, null);
        UUID task = UUID.randomUUID();
        double failedBefore = count("failed");
        double retriedBefore = count("retry");
        List<Duration> backoff =
                List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));

        publish(stage(task, "team-a", "increment", "switch"));
        for (int attempt = 1; attempt < 8; attempt++) {
            awaitAttempts(webhook, task, attempt, "PENDING");
            assertThat(meters.get("gateway.webhooks.backlog").gauge().value()).isGreaterThanOrEqualTo(1);
            clock.advance(attempt <= backoff.size() ? backoff.get(attempt - 1) : Duration.ofHours(1));
        }
        awaitAttempts(webhook, task, 8, "FAILED");
        clock.advance(Duration.ofDays(1));
        worker.deliverDue();

        assertThat(receiver.about(task)).hasSize(8);
        JsonNode deliveries = json(teamA.get(
                        "/api/v1/webhooks/" + webhook.path("id").asString()))
                .path("deliveries");
        assertThat(deliveries.path("failed").asLong()).isEqualTo(1);
        assertThat(deliveries.path("pending").asLong()).isZero();
        assertThat(deliveries.path("lastDelivery").path("status").asString()).isEqualTo("FAILED");
        assertThat(deliveries.path("lastDelivery").path("attempts").asInt()).isEqualTo(8);
        assertThat(deliveries.path("lastDelivery").path("httpStatus").asInt()).isEqualTo(500);
        assertThat(deliveries.path("lastDelivery").path("error").asString()).isEqualTo("HTTP 500");
        assertThat(count("failed") - failedBefore).isGreaterThanOrEqualTo(1);
        assertThat(count("retry") - retriedBefore).isGreaterThanOrEqualTo(7);
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

    static final Instant CHANGED_AT = Instant.parse("2026-05-01T08:00:00.123456Z");

    static CloudMigrationChanged precheckPassed(UUID id, String team) {
        return new CloudMigrationChanged(
                id, "precheck", team, 4242L, "orders-precheck", "RUNNING", "PASSED", null, null, null, CHANGED_AT);
    }

    static CloudMigrationChanged stage(UUID id, String team, String previousStage, String stage) {
        return new CloudMigrationChanged(
                id,
                "migration",
                team,
                77L,
                "orders",
                "RUNNING",
                "RUNNING",
                previousStage,
                stage,
                "catchup",
                CHANGED_AT);
    }

    /** Publishes the changes in one transaction, as the tracker does. */
    void publish(CloudMigrationChanged... changes) {
        transactions.executeWithoutResult(status -> {
            for (CloudMigrationChanged change : changes) {
                events.publishEvent(change);
            }
        });
    }

    WebhookReceiver receiver() {
        WebhookReceiver receiver = new WebhookReceiver();
        receivers.add(receiver);
        return receiver;
    }

    JsonNode subscribe(GatewayApi api, WebhookReceiver receiver, UUID task) {
        String body = task == null
                ? "{\"url\":\"" + receiver.url() + "\"}"
                : "{\"url\":\"" + receiver.url() + "\",\"taskId\":\"" + task + "\"}";
        var created = api.post("/api/v1/webhooks", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode webhook = json(created);
        subscriptions.add(webhook.path("id").asString());
        return webhook;
    }

    String createPrecheck() {
        var created = teamA.post(
                "/api/v1/cloud-migration-prechecks",
                "{\"targetInstanceId\":\"" + GatewayApi.newInstance("pgm", "team-a")
                        + "\",\"source\":{\"host\":\"172.16.0.10\",\"port\":5432,\"account\":\"migratetest\","
                        + "\"password\":\"Pw-12345678\",\"category\":\"ecsOnVpc\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    long pendingDeliveries(JsonNode... webhooks) {
        long pending = 0;
        for (JsonNode webhook : webhooks) {
            pending += jdbc.sql("select count(*) from webhook_delivery where subscription_id = :id"
                            + " and status not in ('DELIVERED', 'FAILED')")
                    .param("id", UUID.fromString(webhook.path("id").asString()))
                    .query(Long.class)
                    .single();
        }
        return pending;
    }

    long deliveries(JsonNode webhook, UUID task) {
        return jdbc.sql("select count(*) from webhook_delivery where subscription_id = :id and task_id = :task")
                .param("id", UUID.fromString(webhook.path("id").asString()))
                .param("task", task)
                .query(Long.class)
                .single();
    }

    Map<String, Object> delivery(JsonNode webhook, UUID task) {
        return jdbc.sql("select status, attempts, last_attempt_at, next_attempt_at from webhook_delivery"
                        + " where subscription_id = :id and task_id = :task")
                .param("id", UUID.fromString(webhook.path("id").asString()))
                .param("task", task)
                .query()
                .singleRow();
    }

    /** Waits until the delivery has settled its {@code attempts}-th attempt with this status. */
    void awaitAttempts(JsonNode webhook, UUID task, int attempts, String status) {
        await().atMost(DELIVERY).untilAsserted(() -> {
            Map<String, Object> row = delivery(webhook, task);
            assertThat(row.get("attempts")).isEqualTo(attempts);
            assertThat(row.get("status")).isEqualTo(status);
        });
    }

    long secondsUntilNextAttempt(JsonNode webhook, UUID task) {
        Map<String, Object> row = delivery(webhook, task);
        return ChronoUnit.SECONDS.between(instant(row.get("last_attempt_at")), instant(row.get("next_attempt_at")));
    }

    static Instant instant(Object timestamp) {
        return timestamp instanceof OffsetDateTime offset
                ? offset.toInstant()
                : ((java.sql.Timestamp) timestamp).toInstant();
    }

    double count(String outcome) {
        return meters.get("gateway.webhooks.deliveries")
                .tag("outcome", outcome)
                .counter()
                .count();
    }
}
