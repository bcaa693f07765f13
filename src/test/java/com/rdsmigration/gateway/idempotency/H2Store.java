package com.rdsmigration.gateway.idempotency;

import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.system.StatementPipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh in-memory H2 database in PostgreSQL mode (the embedded default's settings), migrated by the real Flyway
 * scripts, with the idempotency store and claims on it; so unit tests run the real SQL without a server.
 */
final class H2Store {

    static final Instant START = Instant.parse("2026-05-01T08:00:00Z");
    static final IdempotencyProperties PROPERTIES = new IdempotencyProperties(
            Duration.ofHours(24), Duration.ofMinutes(5), Duration.ofMinutes(10), 1000, "test-fingerprint-key");

    final MutableClock clock = new MutableClock(START);
    final JdbcClient jdbc;
    final IdempotencyStore store;
    final IdempotencyClaims claims;

    H2Store() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:idempotency-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        this.jdbc = JdbcClient.create(dataSource);
        this.store = new IdempotencyStore(jdbc, new StatementPipeline(dataSource));
        this.claims = new IdempotencyClaims(store, clock, PROPERTIES);
    }

    long rows() {
        return jdbc.sql("select count(*) from idempotency_key")
                .query(Long.class)
                .single();
    }
}
