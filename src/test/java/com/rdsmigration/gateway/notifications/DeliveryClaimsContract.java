package com.rdsmigration.gateway.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How replicas claim deliveries, on each database the gateway runs on: two claimers over one outbox take disjoint
 * rows; a claim that timed out is taken again with the next attempt's number; and claims are fair across teams, so
 * that one team's many due deliveries neither fill a claim ahead of another team's one nor take more of this
 * replica's sending slots than the team may hold.
 */
abstract class DeliveryClaimsContract {

    static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
    static final Instant UNTIL = NOW.plus(Duration.ofMinutes(2));

    final JdbcClient jdbc;
    final DeliveryOutbox outbox;
    final DeliveryClaims claims;
    final UUID teamA = UUID.randomUUID();
    final UUID teamB = UUID.randomUUID();

    DeliveryClaimsContract(DataSource dataSource) {
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("delete from webhook_subscription").update(); // and, by cascade, its deliveries
        outbox = new DeliveryOutbox(jdbc);
        claims = new DeliveryClaims(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        SubscriptionStore subscriptions = new SubscriptionStore(jdbc);
        subscriptions.insert(new Subscription(teamA, "team-a", "http://127.0.0.1:1/a", null, NOW));
        subscriptions.insert(new Subscription(teamB, "team-b", "http://127.0.0.1:1/b", null, NOW));
    }

    static DataSource migrated(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return dataSource;
    }

    @Test
    void twoClaimersTakeDisjointRows() throws Exception {
        Set<UUID> added = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            added.add(add(i % 3 == 0 ? teamB : teamA, NOW));
        }
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<List<UUID>> claimer = () -> {
            start.await();
            List<UUID> mine = new ArrayList<>();
            List<ClaimedDelivery> batch;
            do {
                batch = claims.claim(NOW, ClaimBudget.of(7), UNTIL);
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
        UUID id = add(teamA, NOW);
        ClaimedDelivery first = claims.claim(NOW, ClaimBudget.of(10), UNTIL).get(0);

        assertThat(claims.claim(NOW.plus(Duration.ofMinutes(1)), ClaimBudget.of(10), UNTIL.plusSeconds(60)))
                .isEmpty();
        ClaimedDelivery second = claims.claim(UNTIL, ClaimBudget.of(10), UNTIL.plus(Duration.ofMinutes(2)))
                .get(0);

        assertThat(second.id()).isEqualTo(id);
        assertThat(second.team()).isEqualTo("team-a");
        assertThat(second.attempt()).isEqualTo(first.attempt() + 1);
        assertThat(outbox.delivered(first, 200))
                .as("the timed-out claim settles nothing")
                .isFalse();
        assertThat(outbox.delivered(second, 200)).isTrue();
        assertThat(outbox.backlog()).isZero();
        assertThat(outbox.stats(List.of(teamA)).get(teamA).delivered()).isEqualTo(1);
    }

    @Test
    void aClaimTakesTheOtherTeamsDeliveryAheadOfOneTeamsManyOlderOnes() {
        for (int i = 0; i < 100; i++) {
            add(teamA, NOW.minus(Duration.ofMinutes(10)).plusSeconds(i));
        }
        UUID teamBs = add(teamB, NOW);

        List<ClaimedDelivery> claimed = claims.claim(NOW, ClaimBudget.of(2), UNTIL);

        assertThat(claimed).extracting(ClaimedDelivery::team).containsExactlyInAnyOrder("team-a", "team-b");
        assertThat(claimed).extracting(ClaimedDelivery::id).contains(teamBs);
    }

    @Test
    void aClaimLeavesATeamNoMoreThanItsShareOfTheReplicasSendingSlots() {
        for (int i = 0; i < 100; i++) {
            add(teamA, NOW.minusSeconds(100 - i));
        }
        UUID teamBs = add(teamB, NOW);

        List<ClaimedDelivery> withOneInFlight =
                claims.claim(NOW, new ClaimBudget(8, 2, Map.of("team-a", 1), 50), UNTIL);
        List<ClaimedDelivery> withTeamAFull = claims.claim(NOW, new ClaimBudget(8, 2, Map.of("team-a", 2), 50), UNTIL);

        assertThat(withOneInFlight)
                .as("team-a has room for one more; team-b's one is due")
                .extracting(ClaimedDelivery::team)
                .containsExactlyInAnyOrder("team-a", "team-b");
        assertThat(withOneInFlight).extracting(ClaimedDelivery::id).contains(teamBs);
        assertThat(withTeamAFull)
                .as("nothing but team-a's is due, and team-a has no room")
                .isEmpty();
        assertThat(claims.claim(NOW, new ClaimBudget(8, 2, Map.of(), 50), UNTIL))
                .extracting(ClaimedDelivery::team)
                .containsExactly("team-a", "team-a");
    }

    UUID add(UUID subscription, Instant due) {
        UUID id = UUID.randomUUID();
        outbox.add(id, subscription, UUID.randomUUID(), "{}", due);
        return id;
    }
}
