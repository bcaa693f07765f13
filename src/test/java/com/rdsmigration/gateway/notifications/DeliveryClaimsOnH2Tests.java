package com.rdsmigration.gateway.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded default runs on H2, which has {@code for update skip locked} too: two claimers over one outbox take
 * disjoint rows, and a claim that timed out is taken again with the next attempt's number.
 */
class DeliveryClaimsOnH2Tests {

    static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

    final DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:webhooks-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    final JdbcClient jdbc = JdbcClient.create(dataSource);
    final DeliveryOutbox outbox;
    final UUID subscription = UUID.randomUUID();

    DeliveryClaimsOnH2Tests() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        outbox = new DeliveryOutbox(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        new SubscriptionStore(jdbc)
                .insert(new Subscription(subscription, "team-a", "http://127.0.0.1:1/hook", null, NOW));
    }

    @Test
    void twoClaimersTakeDisjointRows() throws Exception {
        Set<UUID> added = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            UUID id = UUID.randomUUID();
            outbox.add(id, subscription, UUID.randomUUID(), "{}", NOW);
            added.add(id);
        }
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<List<UUID>> claimer = () -> {
            start.await();
            List<UUID> mine = new ArrayList<>();
            List<ClaimedDelivery> batch;
            do {
                batch = outbox.claim(NOW, 7, NOW.plus(Duration.ofMinutes(2)));
                batch.forEach(delivery -> mine.add(delivery.id()));
            } while (!batch.isEmpty());
            return mine;
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<UUID>> first = threads.submit(claimer);
            Future<List<UUID>> second = threads.submit(claimer);
            List<UUID> all = new ArrayList<>(first.get());
            all.addAll(second.get());

            assertThat(all).doesNotHaveDuplicates().hasSize(300);
            assertThat(new HashSet<>(all)).isEqualTo(added);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void takesAgainADeliveryWhoseClaimTimedOutAndIgnoresTheLateOutcome() {
        UUID id = UUID.randomUUID();
        outbox.add(id, subscription, UUID.randomUUID(), "{}", NOW);
        ClaimedDelivery first =
                outbox.claim(NOW, 10, NOW.plus(Duration.ofMinutes(2))).get(0);

        assertThat(outbox.claim(NOW.plus(Duration.ofMinutes(1)), 10, NOW.plus(Duration.ofMinutes(3))))
                .isEmpty();
        ClaimedDelivery second = outbox.claim(NOW.plus(Duration.ofMinutes(2)), 10, NOW.plus(Duration.ofMinutes(4)))
                .get(0);

        assertThat(second.id()).isEqualTo(id);
        assertThat(second.attempt()).isEqualTo(first.attempt() + 1);
        assertThat(outbox.delivered(first, 200))
                .as("the timed-out claim settles nothing")
                .isFalse();
        assertThat(outbox.delivered(second, 200)).isTrue();
        assertThat(outbox.backlog()).isZero();
        assertThat(outbox.stats(List.of(subscription)).get(subscription).delivered())
                .isEqualTo(1);
    }
}
