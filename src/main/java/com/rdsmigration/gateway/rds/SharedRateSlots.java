package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.system.StatementPipeline;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The shared side of {@link UpstreamRateLimiter}: per action class, the next free slot of the upstream's rate, in
 * PostgreSQL on the database's clock (microseconds). Taking a permit is one upsert that moves the slot on by one
 * spacing, unless the caller would have to wait longer than {@code max-wait} for it; it joins the transaction the
 * caller has open, so a permit costs no transaction of its own, and it is given back if that transaction rolls back.
 * The row stays locked until that transaction ends: callers take their permit last, and it leaves in the round trip
 * that commits.
 */
final class SharedRateSlots {

    private static final String NOW_MICROS = "(extract(epoch from clock_timestamp()) * 1000000)::bigint";

    private final StatementPipeline statements;

    SharedRateSlots(StatementPipeline statements) {
        this.statements = statements;
    }

    /**
     * Takes a slot of {@code bucket} and hands how long from now it starts to {@code taken} once the statement has
     * left: with the last round trip of the transaction the caller has open, or at once without one. A slot that would
     * start later than {@code maxWait} from now is refused by the database ({@code V18}), which fails that round trip
     * with {@code refused}'s exception; the first permit of a bucket makes its row.
     */
    void take(
            String bucket,
            Duration spacing,
            Duration maxWait,
            Consumer<Duration> taken,
            Supplier<RuntimeException> refused) {
        slot(bucket, spacing, maxWait, refused).laterForLong(wait -> taken.accept(fromMicros(wait)));
    }

    /** As {@link #take}, sent at once (with whatever the caller's transaction holds): how long from now it starts. */
    Duration takeNow(String bucket, Duration spacing, Duration maxWait, Supplier<RuntimeException> refused) {
        return fromMicros(slot(bucket, spacing, maxWait, refused).queryForLong().orElseThrow());
    }

    private StatementPipeline.Spec slot(
            String bucket, Duration spacing, Duration maxWait, Supplier<RuntimeException> refused) {
        return statements
                .sql("with now as (select " + NOW_MICROS + " as micros)"
                        + " insert into upstream_rate_slot as s (bucket, next_slot, last_slot)"
                        + " select :bucket, now.micros + :spacing, now.micros + :maxWait + :spacing from now"
                        + " on conflict (bucket) do update set last_slot = excluded.last_slot,"
                        + " next_slot = greatest(s.next_slot, excluded.next_slot - :spacing) + :spacing"
                        + " returning next_slot - last_slot + :maxWait")
                .param("bucket", bucket)
                .param("spacing", micros(spacing))
                .param("maxWait", micros(maxWait))
                .onFailure(failed ->
                        StatementPipeline.violates(failed, "upstream_rate_slot_within_wait") ? refused.get() : null);
    }

    private static Duration fromMicros(long micros) {
        return Duration.ofNanos(Math.max(0, micros) * 1000);
    }

    /** Whole microseconds, rounded up: a spacing never shrinks to zero. */
    private static long micros(Duration duration) {
        return Math.max(1, (duration.toNanos() + 999) / 1000);
    }
}
