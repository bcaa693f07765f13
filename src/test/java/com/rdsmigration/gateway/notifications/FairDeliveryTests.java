package com.rdsmigration.gateway.notifications;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rdsmigration.gateway.cloudmigration.CloudMigrationChanged;
import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.support.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance test: a webhook receiver that never answers, subscribed by team-a a hundred times, does not
 * delay team-b's deliveries. The receiver holds team-a's requests open until the test ends, so every team-a attempt
 * would run to the read timeout; that is 30 s here, and team-b's deliveries must arrive well within it, while every
 * team-a attempt is still held: they needed none of team-a's attempts to end, by an answer or a timeout.
 *
 * <p>The read timeout makes this context one of its own; no other class shares it, so it is closed after the class
 * rather than holding its database connections for the rest of the run.
 */
@IntegrationTest
@DirtiesContext
@TestPropertySource(
        properties = {"gateway.webhooks.read-timeout=30s", "gateway.webhooks.max-subscriptions-per-team=1000"})
class FairDeliveryTests {

    /** Team-b's normal latency, generously: a claim at the next poll or freed slot; far below the read timeout. */
    static final Duration NORMAL_LATENCY = Duration.ofSeconds(15);

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
    WebhookProperties properties;

    @Test
    void aReceiverThatNeverAnswersTeamAsHundredSubscriptionsDoesNotDelayTeamBsDeliveries() {
        CountDownLatch release = new CountDownLatch(1);
        List<UUID> teamASubscriptions = new ArrayList<>();
        List<UUID> teamBSubscriptions = new ArrayList<>();
        try (WebhookReceiver hanging = new WebhookReceiver().holding(release);
                WebhookReceiver teamBs = new WebhookReceiver()) {
            GatewayApi teamA = new GatewayApi(port, GatewayApi.TEAM_A);
            for (int i = 0; i < 100; i++) {
                teamASubscriptions.add(subscribe(teamA, hanging));
            }
            JsonNode teamBWebhook = webhook(teamA.as(GatewayApi.TEAM_B), teamBs);
            teamBSubscriptions.add(UUID.fromString(teamBWebhook.path("id").asString()));
            UUID teamATask = UUID.randomUUID();
            UUID teamBTask = UUID.randomUUID();
            UUID laterTeamBTask = UUID.randomUUID();

            // A hundred due deliveries of team-a, all older than team-b's one, for the same claim.
            transactions.executeWithoutResult(status -> {
                events.publishEvent(change(teamATask, "team-a"));
                clock.advance(Duration.ofMillis(1));
                events.publishEvent(change(teamBTask, "team-b"));
            });
            await("team-b's delivery, and team-a's attempts held")
                    .atMost(NORMAL_LATENCY)
                    .untilAsserted(() -> {
                        assertThat(teamBs.about(teamBTask)).hasSize(1);
                        assertThat(hanging.held()).isEqualTo(properties.teamConcurrency());
                    });
            assertAllOfTeamAsAttemptsStillHeld(hanging, teamASubscriptions);

            // Team-a's attempts in flight and 98 of its deliveries due, older than team-b's next one.
            clock.advance(Duration.ofMillis(1));
            transactions.executeWithoutResult(status -> events.publishEvent(change(laterTeamBTask, "team-b")));
            await("team-b's later delivery")
                    .atMost(NORMAL_LATENCY)
                    .untilAsserted(
                            () -> assertThat(teamBs.about(laterTeamBTask)).hasSize(1));
            assertAllOfTeamAsAttemptsStillHeld(hanging, teamASubscriptions);
            assertThat(teamBs.received())
                    .allSatisfy(received ->
                            received.verify(teamBWebhook.path("signingSecret").asString()));
        } finally {
            release.countDown();
            teamASubscriptions.addAll(teamBSubscriptions);
            teamASubscriptions.forEach(id -> jdbc.sql("delete from webhook_subscription where id = :id")
                    .param("id", id)
                    .update());
        }
    }

    /** No team-a attempt has ended: the receiver holds as many as team-a may have in flight, and none has an outcome. */
    void assertAllOfTeamAsAttemptsStillHeld(WebhookReceiver hanging, List<UUID> teamASubscriptions) {
        assertThat(hanging.held()).isEqualTo(properties.teamConcurrency());
        assertThat(hanging.received()).as("answered").isEmpty();
        assertThat(jdbc.sql("select status, count(*) from webhook_delivery where subscription_id in (:ids)"
                                + " and attempts > 0 group by status")
                        .param("ids", teamASubscriptions)
                        .query((rs, row) -> rs.getString(1) + "=" + rs.getLong(2))
                        .list())
                .containsExactly("SENDING=" + properties.teamConcurrency());
    }

    UUID subscribe(GatewayApi api, WebhookReceiver receiver) {
        return UUID.fromString(webhook(api, receiver).path("id").asString());
    }

    JsonNode webhook(GatewayApi api, WebhookReceiver receiver) {
        var created = api.post("/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    static CloudMigrationChanged change(UUID task, String team) {
        return TaskChanges.stage(task, team, "basebackup", "startup");
    }
}
