package com.rdsmigration.gateway.cloudmigration.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The tracker follows a changing task every interval and backs off, doubling up to the cap, while nothing changes. */
class ReadScheduleTests {

    static final Instant READ = Instant.parse("2026-03-01T10:00:00Z");
    final ReadSchedule schedule = new ReadSchedule(Duration.ofSeconds(15), Duration.ofMinutes(1));

    @Test
    void readsAgainOneIntervalAfterAReadThatFoundAChange() {
        assertThat(schedule.after(READ, true, 3)).isEqualTo(new ReadSchedule.Next(READ.plusSeconds(15), 0));
    }

    @Test
    void doublesTheWaitAfterEachReadWithoutNewsUpToTheCap() {
        assertThat(schedule.after(READ, false, 0)).isEqualTo(new ReadSchedule.Next(READ.plusSeconds(30), 1));
        assertThat(schedule.after(READ, false, 1)).isEqualTo(new ReadSchedule.Next(READ.plusSeconds(60), 2));
        assertThat(schedule.after(READ, false, 2)).isEqualTo(new ReadSchedule.Next(READ.plusSeconds(60), 3));
        assertThat(schedule.wait(1_000)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void neverWaitsLongerThanTheCapEvenWhenItIsNoMultipleOfTheInterval() {
        ReadSchedule odd = new ReadSchedule(Duration.ofSeconds(15), Duration.ofSeconds(40));

        assertThat(odd.wait(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(odd.wait(2)).isEqualTo(Duration.ofSeconds(40));
    }
}
