package com.rdsmigration.gateway.notifications;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The worker's scheduled run survives a store outage: any exception escaping it would cancel every later run of its
 * fixed-delay task, and the replica would never send a webhook again. (The outbox itself is tested on PostgreSQL.)
 */
class DeliveryWorkerTests {

    @Test
    void aStoreOutageIsLoggedAndTheNextRunClaimsAgain() {
        DeliveryClaims claims = mock(DeliveryClaims.class);
        when(claims.claim(any(), any(), any()))
                .thenThrow(new CannotCreateTransactionException("database down"))
                .thenThrow(new TransactionSystemException("commit failed"))
                .thenReturn(List.of());
        DeliveryWorker worker = new DeliveryWorker(
                claims, null, properties(), null, Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC));

        assertThatCode(worker::run).doesNotThrowAnyException();
        assertThatCode(worker::run).doesNotThrowAnyException();
        worker.run();

        verify(claims, times(3)).claim(any(), any(), any());
    }

    private static WebhookProperties properties() {
        return new WebhookProperties(
                "secret",
                List.of("127.0.0.1"),
                true,
                8,
                List.of(Duration.ofSeconds(10)),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                50,
                8,
                Duration.ofMinutes(2),
                Duration.ofDays(7),
                100);
    }
}
