package com.rdsmigration.gateway.notifications;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.support.WebhookReceiver;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a receiving team's code does with a delivery: verify it with a Standard Webhooks library (the Java one here)
 * and the secret shown when the webhook was made. A delivery as the gateway sent it passes; changed on the way (body,
 * signature, id or timestamp) it fails, and so does one signed more than five minutes before it is checked, which is
 * how a replayed delivery looks.
 */
@IntegrationTest
class WebhookVerificationTests {

    static final Duration DELIVERY = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    final WebhookReceiver receiver = new WebhookReceiver();
    GatewayApi teamA;
    String webhook;
    String secret;
    Runnable clockBack;

    @BeforeEach
    void subscribe() {
        clockBack = clock.setToWallClock();
        teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        var created = teamA.post("/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        webhook = json(created).path("id").asString();
        secret = json(created).path("signingSecret").asString();
    }

    @AfterEach
    void unsubscribe() {
        teamA.as(GatewayApi.ADMIN).delete("/api/v1/webhooks/" + webhook);
        receiver.close();
        clockBack.run();
    }

    @Test
    void theLibraryAcceptsADeliveryAsSentAndRefusesItChangedOnTheWay() throws Exception {
        WebhookReceiver.Received delivery = deliveryOf(UUID.randomUUID());

        delivery.verify(secret);
        assertRefused(
                delivery.withBody(delivery.body().replace("\"stage\":\"startup\"", "\"stage\":\"switch\"")),
                "No matching signature found");
        assertRefused(
                delivery.withHeader("webhook-signature", "v1," + randomBase64(32)), "No matching signature found");
        assertRefused(delivery.withHeader("webhook-id", UUID.randomUUID().toString()), "No matching signature found");
        assertRefused(
                delivery.withHeader("webhook-timestamp", Long.toString(delivery.timestamp() + 1)),
                "No matching signature found");
        assertThat(delivery.verifiedWith("whsec_" + randomBase64(32)))
                .as("verified with a secret not its webhook's")
                .isFalse();
    }

    @Test
    void theLibraryRefusesADeliverySignedMoreThanFiveMinutesAgoEvenWithAFreshTimestamp() throws Exception {
        clock.set(Instant.now().minus(Duration.ofMinutes(6)));

        WebhookReceiver.Received replayed = deliveryOf(UUID.randomUUID());

        assertThat(new Webhook(secret).sign(replayed.deliveryId(), replayed.timestamp(), replayed.body()))
                .as("its signature is genuine: only its age is wrong")
                .isEqualTo(replayed.header("webhook-signature"));
        assertRefused(replayed, "Message timestamp too old");
        assertRefused(
                replayed.withHeader(
                        "webhook-timestamp", Long.toString(Instant.now().getEpochSecond())),
                "No matching signature found");
    }

    /** Publishes a stage change of {@code task} as the tracker does and waits for its delivery. */
    WebhookReceiver.Received deliveryOf(UUID task) {
        transactions.executeWithoutResult(
                status -> events.publishEvent(TaskChanges.stage(task, "team-a", "basebackup", "startup")));
        await().atMost(DELIVERY).until(() -> receiver.about(task).size() == 1);
        return receiver.about(task).get(0);
    }

    void assertRefused(WebhookReceiver.Received request, String reason) {
        assertThatThrownBy(() -> request.verify(secret))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessage(reason);
    }

    static String randomBase64(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
