package com.rdsmigration.gateway.cloudmigration.tracking;

import java.time.Duration;
import java.time.Instant;

/**
 * When the tracker reads an active task next: {@code interval} after a read that found a change (the task is moving,
 * so it is followed closely), and after each read in a row that found nothing new twice as long as before, up to
 * {@code maxInterval} (a migration may sit in {@code increment} for days).
 */
public record ReadSchedule(Duration interval, Duration maxInterval) {

    public static ReadSchedule of(TrackingProperties tracking) {
        return new ReadSchedule(tracking.interval(), tracking.maxInterval());
    }

    /** The next read after one at {@code readAt} that followed {@code unchangedBefore} reads without news. */
    public Next after(Instant readAt, boolean changed, int unchangedBefore) {
        if (changed) {
            return new Next(readAt.plus(interval), 0);
        }
        int unchanged = unchangedBefore + 1;
        return new Next(readAt.plus(wait(unchanged)), unchanged);
    }

    /** How long the tracker waits after {@code unchanged} reads in a row without news: interval × 2^unchanged. */
    Duration wait(int unchanged) {
        Duration wait = interval;
        for (int i = 0; i < unchanged && wait.compareTo(maxInterval) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxInterval) < 0 ? wait : maxInterval;
    }

    /** The time of the next read and the count of reads without news so far. */
    public record Next(Instant at, int unchangedReads) {}
}
