package com.rdsmigration.gateway.guided;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A schedule is open inside its window and not before its {@code notBefore}. The window is
 * {@link CutoverWindowTests#NIGHTS}, MONDAY–FRIDAY 23:00–02:00 Asia/Shanghai (UTC+8): Monday 2026-12-07's opening is
 * 15:00Z to 18:00Z. Each instant is UTC; the comment gives the Shanghai time.
 */
class CutoverScheduleTests {

    static final String NIGHTS = "The maintenance window (MONDAY–FRIDAY 23:00–02:00 Asia/Shanghai)";

    static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void withNeitherAWindowNorANotBeforeIsAlwaysOpen() {
        CutoverSchedule schedule = new CutoverSchedule(null, null);

        assertThat(schedule.isOpen(at("2026-12-07T10:00:00Z"))).isTrue();
        assertThat(schedule.nextOpening(at("2026-12-07T10:00:00Z"))).isNull();
        assertThat(schedule.closedDetail(at("2026-12-07T10:00:00Z"))).isEqualTo("The cutover may start now");
    }

    @Test
    void withOnlyANotBeforeOpensThen() {
        CutoverSchedule schedule = new CutoverSchedule(null, at("2026-12-07T16:00:00Z"));

        assertThat(schedule.isOpen(at("2026-12-07T15:59:59Z"))).isFalse();
        assertThat(schedule.nextOpening(at("2026-12-07T15:59:59Z"))).isEqualTo(at("2026-12-07T16:00:00Z"));
        assertThat(schedule.closedDetail(at("2026-12-07T15:59:59Z"))).isEqualTo("Not before 2026-12-07T16:00:00Z");
        assertThat(schedule.isOpen(at("2026-12-07T16:00:00Z"))).isTrue();
        assertThat(schedule.nextOpening(at("2026-12-07T16:00:00Z"))).isNull();
    }

    @Test
    void withOnlyAWindowFollowsIt() {
        CutoverSchedule schedule = new CutoverSchedule(CutoverWindowTests.NIGHTS, null);

        assertThat(schedule.isOpen(at("2026-12-07T10:00:00Z"))).as("Mon 18:00").isFalse();
        assertThat(schedule.nextOpening(at("2026-12-07T10:00:00Z")))
                .as("Mon 23:00")
                .isEqualTo(at("2026-12-07T15:00:00Z"));
        assertThat(schedule.closedDetail(at("2026-12-07T10:00:00Z")))
                .isEqualTo(NIGHTS + " opens at 2026-12-07T15:00:00Z");
        assertThat(schedule.isOpen(at("2026-12-07T15:00:00Z"))).as("Mon 23:00").isTrue();
        assertThat(schedule.nextOpening(at("2026-12-07T15:00:00Z"))).isNull();
        assertThat(schedule.closedDetail(at("2026-12-07T15:00:00Z")))
                .isEqualTo(NIGHTS + " is open until 2026-12-07T18:00:00Z");
    }

    @Test
    void aNotBeforeInsideAnOpeningOpensAtTheNotBefore() {
        CutoverSchedule schedule = new CutoverSchedule(CutoverWindowTests.NIGHTS, at("2026-12-07T16:00:00Z"));

        assertThat(schedule.isOpen(at("2026-12-07T15:30:00Z")))
                .as("Mon 23:30: the window is open but it is before notBefore")
                .isFalse();
        assertThat(schedule.nextOpening(at("2026-12-07T10:00:00Z")))
                .as("Tue 00:00")
                .isEqualTo(at("2026-12-07T16:00:00Z"));
        assertThat(schedule.closedDetail(at("2026-12-07T10:00:00Z")))
                .isEqualTo("Not before 2026-12-07T16:00:00Z, when the maintenance window"
                        + " (MONDAY–FRIDAY 23:00–02:00 Asia/Shanghai) is open");
        assertThat(schedule.isOpen(at("2026-12-07T16:00:00Z"))).as("Tue 00:00").isTrue();
    }

    @Test
    void aNotBeforeOutsideTheWindowWaitsForTheNextOpeningAfterIt() {
        CutoverSchedule schedule = new CutoverSchedule(CutoverWindowTests.NIGHTS, at("2026-12-07T19:00:00Z"));

        assertThat(schedule.isOpen(at("2026-12-07T15:30:00Z"))).as("Mon 23:30").isFalse();
        assertThat(schedule.nextOpening(at("2026-12-07T15:30:00Z")))
                .as("not Tue 03:00, the notBefore, but Tue 23:00")
                .isEqualTo(at("2026-12-08T15:00:00Z"));
        assertThat(schedule.closedDetail(at("2026-12-07T15:30:00Z")))
                .isEqualTo("Not before 2026-12-07T19:00:00Z; the maintenance window"
                        + " (MONDAY–FRIDAY 23:00–02:00 Asia/Shanghai) then opens at 2026-12-08T15:00:00Z");
        assertThat(schedule.isOpen(at("2026-12-07T19:00:00Z"))).as("Tue 03:00").isFalse();
    }

    @Test
    void aPastNotBeforeLeavesOnlyTheWindow() {
        CutoverSchedule schedule = new CutoverSchedule(CutoverWindowTests.NIGHTS, at("2026-12-01T00:00:00Z"));

        assertThat(schedule.isOpen(at("2026-12-11T18:00:00Z"))).as("Sat 02:00").isFalse();
        assertThat(schedule.nextOpening(at("2026-12-11T18:00:00Z")))
                .as("Mon 23:00")
                .isEqualTo(at("2026-12-14T15:00:00Z"));
        assertThat(schedule.closedDetail(at("2026-12-11T18:00:00Z")))
                .isEqualTo(NIGHTS + " opens at 2026-12-14T15:00:00Z");
        assertThat(schedule.isOpen(at("2026-12-14T15:00:00Z"))).as("Mon 23:00").isTrue();
    }

    @Test
    void theNextOpeningIsAlwaysAnOpenInstantAfterNow() {
        CutoverSchedule schedule = new CutoverSchedule(CutoverWindowTests.NIGHTS, at("2026-12-09T00:00:00Z"));

        for (Instant now = at("2026-12-06T00:00:00Z");
                now.isBefore(at("2026-12-16T00:00:00Z"));
                now = now.plusSeconds(1_800)) {
            Instant next = schedule.nextOpening(now);
            if (schedule.isOpen(now)) {
                assertThat(next).as("open at %s", now).isNull();
            } else {
                assertThat(next).as("closed at %s", now).isAfter(now);
                assertThat(schedule.isOpen(next)).as("open at %s", next).isTrue();
                assertThat(schedule.isOpen(next.minusNanos(1)))
                        .as("closed just before %s", next)
                        .isFalse();
            }
        }
    }
}
