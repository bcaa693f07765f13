package com.rdsmigration.gateway.notifications;

import static com.rdsmigration.gateway.notifications.TaskChanges.stage;
import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Failed deliveries are retried on the backoff's schedule (the clock is moved by hand), with the same id and signed
 * afresh each time, and given up after the maximum attempts, which the webhook then shows.
 */
@IntegrationTest
class WebhookRetryTests extends WebhookDeliveryTestBase {

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
}
