package com.rdsmigration.gateway.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move forward by hand, so that time-driven behaviour is tested without sleeping. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant;
    }

    /**
     * Sets the clock to the wall clock's time, for a test whose counterpart checks times against its own wall clock (a
     * webhook receiver refuses a signature more than five minutes from its time), and returns what sets it back after
     * the test: to where it was, or to the wall clock's time if that was later, moved on by as much as the test moved
     * it forward. Tests that share the clock then never see it earlier than they left it.
     */
    public Runnable setToWallClock() {
        Instant before = now;
        Instant wall = Instant.now();
        now = wall;
        return () -> {
            Duration moved = Duration.between(wall, now);
            now = (before.isAfter(wall) ? before : wall).plus(moved.isNegative() ? Duration.ZERO : moved);
        };
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
