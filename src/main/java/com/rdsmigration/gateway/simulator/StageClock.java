package com.rdsmigration.gateway.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Task progress computed from the clock, never from background threads: a task started at {@code start} has
 * completed {@code floor((now - start) / stageDuration)} stages, so moving the clock moves every task.
 */
record StageClock(Duration stageDuration) {

    /** Whole stages completed between {@code start} and {@code now}; 0 before {@code start}. */
    long stagesElapsed(Instant start, Instant now) {
        if (now.isBefore(start)) {
            return 0;
        }
        if (stageDuration.isZero() || stageDuration.isNegative()) {
            return Long.MAX_VALUE;
        }
        return Duration.between(start, now).dividedBy(stageDuration);
    }

    /** When stage {@code index} (0 = the first) of a task started at {@code start} begins. */
    Instant stageStart(Instant start, long index) {
        return start.plus(stageDuration.multipliedBy(index));
    }
}
