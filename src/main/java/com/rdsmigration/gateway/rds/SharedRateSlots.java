package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.system.StatementPipeline;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared side of {@link UpstreamRateLimiter}: per action class, the next free slot of the upstream's rate, in
 * PostgreSQL on the database's clock (microseconds). Taking a permit is one UPDATE that moves the slot on by one
 * spacing, unless the caller would have to wait longer than {@code max-wait} for it; it joins the transaction the
 * caller has open, so a permit costs no transaction of its own, and it is given back if that transaction rolls back.
 * The row stays locked until that transaction ends: callers take their permit last, just before they commit.
 */
final class SharedRateSlots {

    private static final String NOW_MICROS = "(extract(epoch from clock_timestamp()) * 1000000)::bigint";

    private final JdbcClient jdbc;
    private final StatementPipeline statements;

    SharedRateSlots(JdbcClient jdbc, StatementPipeline statements) {
        this.jdbc = jdbc;
        this.statements = statements;
    }

    /** A slot of {@code bucket}: how long from now it starts; empty when it would start later than {@code maxWait}. */
    Optional<Duration> take(String bucket, Duration spacing, Duration maxWait) {
        Optional<Duration> taken = reserve(bucket, spacing, maxWait);
        if (taken.isEmpty() && untilFree(bucket).isEmpty()) {
            jdbc.sql("insert into upstream_rate_slot (bucket, next_slot) values (:bucket, 0) on conflict do nothing")
                    .param("bucket", bucket)
                    .update();
            taken = reserve(bucket, spacing, maxWait);
        }
        return taken;
    }

    /** How long until {@code bucket}'s next free slot (zero when it is free now); empty when there is no such row. */
    Optional<Duration> untilFree(String bucket) {
        return jdbc.sql("select greatest(next_slot - " + NOW_MICROS + ", 0) from upstream_rate_slot"
                        + " where bucket = :bucket")
                .param("bucket", bucket)
                .query(Long.class)
                .optional()
                .map(micros -> Duration.ofNanos(micros * 1000));
    }

    private Optional<Duration> reserve(String bucket, Duration spacing, Duration maxWait) {
        return statements
                .sql("with now as (select " + NOW_MICROS + " as micros)"
                        + " update upstream_rate_slot set next_slot = greatest(next_slot, now.micros) + :spacing"
                        + " from now where bucket = :bucket and next_slot <= now.micros + :maxWait"
                        + " returning next_slot - :spacing - now.micros")
                .param("bucket", bucket)
                .param("spacing", micros(spacing))
                .param("maxWait", micros(maxWait))
                .queryForLong()
                .map(wait -> Duration.ofNanos(Math.max(0, wait) * 1000));
    }

    /** Whole microseconds, rounded up: a spacing never shrinks to zero. */
    private static long micros(Duration duration) {
        return Math.max(1, (duration.toNanos() + 999) / 1000);
    }
}
