package com.rdsmigration.gateway.guided;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.support.WebhookReceiver;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A receiver on this machine, subscribed to one guided migration, gets each of its status changes once, in order,
 * signed so that the Standard Webhooks library verifies it. The clock starts on the wall clock's time (receivers
 * check a delivery's timestamp against it) and moves a few minutes at most.
 */
@IntegrationTest
class GuidedMigrationWebhookTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    GuidedMigrationDriver driver;

    GatewayApi teamA;
    WebhookReceiver receiver;
    String webhookId;
    Runnable clockBack;

    @BeforeEach
    void setUp() {
        teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        receiver = new WebhookReceiver();
        clockBack = clock.setToWallClock();
    }

    @AfterEach
    void tearDown() {
        if (webhookId != null) {
            teamA.delete("/api/v1/webhooks/" + webhookId);
        }
        receiver.close();
        clockBack.run();
    }

    @Test
    void eachStatusChangeReachesTheGuidedMigrationsSubscriberOnceSigned() throws Exception {
        GuidedMigrations guided = new GuidedMigrations(teamA, clock, driver);
        String id = guided.create("{\"requiredApprovals\":0}").path("id").asString();
        HttpResponse<String> subscribed =
                teamA.post("/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"taskId\":\"" + id + "\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        webhookId = json(subscribed).path("id").asString();
        String secret = json(subscribed).path("signingSecret").asString();

        guided.driveUntil(id, "SUCCEEDED", 12);

        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().size() >= 4);
        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received.stream().map(WebhookReceiver.Received::deliveryId)).doesNotHaveDuplicates();
        // Deliveries are sent concurrently, so they may arrive in any order; each names the status it came from.
        assertThat(received.stream()
                        .map(request -> request.json()
                                        .path("guidedMigration")
                                        .path("previousStatus")
                                        .asString() + "->"
                                + request.json()
                                        .path("guidedMigration")
                                        .path("status")
                                        .asString())
                        .toList())
                .containsExactlyInAnyOrder(
                        "PRECHECKING->MIGRATING",
                        "MIGRATING->AWAITING_CUTOVER",
                        "AWAITING_CUTOVER->SWITCHING",
                        "SWITCHING->SUCCEEDED");
        for (WebhookReceiver.Received request : received) {
            request.verify(secret);
            JsonNode body = request.json();
            assertThat(body.path("event").asString()).isEqualTo("guidedmigration.changed");
            assertThat(body.path("guidedMigration").path("id").asString()).isEqualTo(id);
            assertThat(body.path("guidedMigration").path("previousStatus").asString())
                    .isNotBlank();
            assertThat(request.body()).doesNotContain(GuidedMigrations.PASSWORD);
        }
    }

    @Test
    void aSubscriptionToAnotherTeamsGuidedMigrationIsRefused() {
        String id =
                new GuidedMigrations(teamA, clock, driver).create("").path("id").asString();

        HttpResponse<String> refused = teamA.as(GatewayApi.TEAM_B)
                .post("/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"taskId\":\"" + id + "\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    }
}
