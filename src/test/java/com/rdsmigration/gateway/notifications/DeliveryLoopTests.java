package com.rdsmigration.gateway.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The loop claims on its own thread, and on shutdown stops claiming but lets the attempts in flight record their
 * outcomes before it reports itself stopped (and the database pool may close).
 */
class DeliveryLoopTests {

    final WebhookProperties properties = WebhookPropertiesTests.bind(Map.of("poll-interval", "100ms"));
    final DeliveryClaims claims = mock(DeliveryClaims.class);
    final DeliveryAttempt attempt = mock(DeliveryAttempt.class);
    final ExecutorService senders = Executors.newFixedThreadPool(8);
    final DeliveryLoop loop = new DeliveryLoop(
            new DeliveryWorker(claims, attempt, properties, senders, DeliveryWorkerTests.CLOCK), properties);

    @Test
    void stopsClaimingButWaitsForTheAttemptsInFlightToEnd() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        CountDownLatch sending = new CountDownLatch(1);
        doAnswer(invocation -> {
                    sending.countDown();
                    answer.await();
                    return null;
                })
                .when(attempt)
                .send(any());
        when(claims.claim(any(), any(), any()))
                .thenReturn(List.of(DeliveryWorkerTests.delivery("team-a")))
                .thenReturn(List.of());
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            loop.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> sending.getCount() == 0);

            loop.stop(stopped::countDown);

            assertThat(loop.isRunning()).isFalse();
            assertThat(stopped.getCount())
                    .as("stopped while an attempt is in flight")
                    .isEqualTo(1);
            answer.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> stopped.getCount() == 0);
        } finally {
            answer.countDown();
            senders.shutdownNow();
        }
    }
}
