package com.rdsmigration.gateway.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The worker's accounting of its sending slots, with the store and the receivers mocked (the claims are tested on
 * both databases, whole deliveries in {@link WebhookDeliveryTests} and {@link FairDeliveryTests}): attempts in flight
 * take their team's slots until they end, a claim asks only for what is left, and an attempt that ends wakes the loop.
 * And its run survives a store outage: an exception escaping it would end the loop, and the replica would never send
 * a webhook again.
 */
class DeliveryWorkerTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC);

    final DeliveryClaims claims = mock(DeliveryClaims.class);
    final DeliveryAttempt attempt = mock(DeliveryAttempt.class);
    final ExecutorService senders = Executors.newFixedThreadPool(8);
    final DeliveryWorker worker = new DeliveryWorker(claims, attempt, properties(), senders, CLOCK);

    @Test
    void aStoreOutageIsLoggedAndTheNextRunClaimsAgain() {
        when(claims.claim(any(), any(), any()))
                .thenThrow(new CannotCreateTransactionException("database down"))
                .thenThrow(new TransactionSystemException("commit failed"))
                .thenReturn(List.of());

        assertThatCode(worker::run).doesNotThrowAnyException();
        assertThatCode(worker::run).doesNotThrowAnyException();
        worker.run();

        verify(claims, times(3)).claim(any(), any(), any());
    }

    @Test
    void attemptsHoldTheirTeamsSlotsUntilTheyEndAndEndingOneWakesTheLoop() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        doAnswer(invocation -> {
                    answer.await();
                    return null;
                })
                .when(attempt)
                .send(any());
        when(claims.claim(any(), any(), any()))
                .thenReturn(List.of(delivery("team-a"), delivery("team-a"), delivery("team-b")))
                .thenReturn(List.of());
        ArgumentCaptor<ClaimBudget> budgets = ArgumentCaptor.forClass(ClaimBudget.class);
        try {
            assertThat(worker.deliverDue()).isEqualTo(3);
            worker.deliverDue();
            CompletableFuture<Void> woken = CompletableFuture.runAsync(() -> awaitFreedSlot(worker));
            answer.countDown();

            await().atMost(Duration.ofSeconds(30)).until(woken::isDone);
            assertThat(worker.awaitIdle(Duration.ofSeconds(30))).isTrue();
            worker.deliverDue();
            verify(claims, times(3)).claim(any(), budgets.capture(), any());
            ClaimBudget whileHeld = budgets.getAllValues().get(1);
            assertThat(whileHeld.free()).isEqualTo(5);
            assertThat(whileHeld.fullTeams()).containsExactly("team-a");
            assertThat(whileHeld.inFlight()).containsEntry("team-b", 1);
            assertThat(budgets.getAllValues().get(2).free()).isEqualTo(8);
            assertThat(budgets.getAllValues().get(2).inFlight()).isEmpty();
        } finally {
            answer.countDown();
            senders.shutdownNow();
        }
    }

    static void awaitFreedSlot(DeliveryWorker worker) {
        try {
            worker.awaitFreedSlot(Duration.ofMinutes(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ClaimedDelivery delivery(String team) {
        return new ClaimedDelivery(
                UUID.randomUUID(), UUID.randomUUID(), team, "http://127.0.0.1:1/hook", "{}", 1, UUID.randomUUID());
    }

    private static WebhookProperties properties() {
        return WebhookPropertiesTests.bind(Map.of("concurrency", "8", "team-concurrency", "2"));
    }
}
