package com.rdsmigration.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.rdsmigration.gateway.system.StatementPipeline;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The purge of expired keys on the real SQL (H2, PostgreSQL mode): bounded batches, live keys untouched. */
class IdempotencyPurgeTests {

    final H2Store h2 = new H2Store();

    void insert(String key, Duration expiresIn) {
        h2.store.insertInFlight(
                new KeyScope("team-a", "ci"),
                key,
                "fp",
                UUID.randomUUID(),
                h2.clock.instant(),
                h2.clock.instant().plus(expiresIn));
    }

    @Test
    void deletesExpiredKeysInBatchesAndKeepsLiveOnes() {
        for (int i = 0; i < 5; i++) {
            insert("expired-" + i, Duration.ofHours(1));
        }
        insert("live", Duration.ofHours(3));
        h2.clock.advance(Duration.ofHours(2));

        assertThat(h2.store.purgeExpired(h2.clock.instant(), 2)).isEqualTo(2);
        assertThat(new IdempotencyPurge(h2.store, h2.clock, 2).purgeExpired()).isEqualTo(3);

        assertThat(h2.rows()).isOne();
        assertThat(h2.store.find(new KeyScope("team-a", "ci"), "live")).isPresent();
    }

    @Test
    void stopsARunAfterItsBatchLimit() {
        for (int i = 0; i < IdempotencyPurge.MAX_BATCHES_PER_RUN + 5; i++) {
            insert("expired-" + i, Duration.ofHours(1));
        }
        h2.clock.advance(Duration.ofHours(2));
        IdempotencyPurge purge = new IdempotencyPurge(h2.store, h2.clock, 1);

        assertThat(purge.purgeExpired()).isEqualTo(IdempotencyPurge.MAX_BATCHES_PER_RUN);
        assertThat(purge.purgeExpired()).isEqualTo(5);
        assertThat(h2.rows()).isZero();
    }

    @Test
    void purgesOnScheduleWithTheConfiguredBatchSizeAndSurvivesAnUnreachableStore() {
        insert("expired", Duration.ofHours(1));
        h2.clock.advance(Duration.ofHours(2));

        new IdempotencyPurge(h2.store, h2.clock, H2Store.PROPERTIES).run();
        assertThat(h2.rows()).isZero();

        DataSource absent = new DriverManagerDataSource("jdbc:h2:mem:absent;IFEXISTS=TRUE");
        JdbcClient unreachable = JdbcClient.create(absent);
        IdempotencyPurge offline = new IdempotencyPurge(
                new IdempotencyStore(unreachable, new StatementPipeline(absent)), h2.clock, H2Store.PROPERTIES);
        assertThatNoException().isThrownBy(offline::run);
    }
}
