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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A whole gateway whose webhooks deliver to receivers on this machine: subscriptions made through the API, changes
 * published as the tracker publishes them (in a transaction), and the outbox read in the database. Subclasses carry
 * {@link IntegrationTest} and nothing else, so they share the one cached application context.
 *
 * <p>The Standard Webhooks library checks each delivery's timestamp against the wall clock, as every receiver does, so
 * each test starts with the gateway's clock, which other tests move, on the wall clock's time.
 */
abstract class WebhookDeliveryTestBase {

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
