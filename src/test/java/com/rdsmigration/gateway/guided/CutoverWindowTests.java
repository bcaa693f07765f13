package com.rdsmigration.gateway.guided;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The window arithmetic over explicit instants: a weekday window past midnight in Asia/Shanghai (UTC+8 all year) and
 * Sunday windows in Europe/Berlin across both daylight-saving changes of 2026 (2026-03-29 02:00 CET becomes 03:00
 * CEST; 2026-10-25 03:00 CEST becomes 02:00 CET). Each instant is UTC; the comment gives the local wall-clock time.
 */
class CutoverWindowTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** 23:00–02:00 Asia/Shanghai, opening Monday to Friday. */
    static final CutoverWindow NIGHTS = new CutoverWindow(SHANGHAI, WEEKDAYS, LocalTime.of(23, 0), LocalTime.of(2, 0));

    static CutoverWindow sundays(LocalTime start, LocalTime end) {
        return new CutoverWindow(BERLIN, Set.of(DayOfWeek.SUNDAY), start, end);
    }

    static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void opensAtTheLocalStartAndClosesAtTheLocalEndOfTheNextDay() {
        assertThat(NIGHTS.isOpen(at("2026-12-07T14:59:59Z"))).as("Mon 22:59:59").isFalse();
        assertThat(NIGHTS.isOpen(at("2026-12-07T15:00:00Z"))).as("Mon 23:00").isTrue();
        assertThat(NIGHTS.isOpen(at("2026-12-07T17:59:59Z"))).as("Tue 01:59:59").isTrue();
        assertThat(NIGHTS.isOpen(at("2026-12-07T18:00:00Z"))).as("Tue 02:00").isFalse();
        assertThat(NIGHTS.isOpen(at("2026-12-08T04:00:00Z"))).as("Tue 12:00").isFalse();

        assertThat(NIGHTS.closesAt(at("2026-12-07T15:00:00Z")))
                .as("Mon 23:00: Tue 02:00")
                .isEqualTo(at("2026-12-07T18:00:00Z"));
        assertThat(NIGHTS.closesAt(at("2026-12-07T17:59:59Z")))
                .as("Tue 01:59:59: Tue 02:00")
                .isEqualTo(at("2026-12-07T18:00:00Z"));
        assertThat(NIGHTS.closesAt(at("2026-12-07T18:00:00Z")))
                .as("Tue 02:00: closed")
                .isNull();
    }

    @Test
    void anOpeningPastMidnightBelongsToTheDayItBegins() {
        assertThat(NIGHTS.isOpen(at("2026-12-11T15:00:00Z"))).as("Fri 23:00").isTrue();
        assertThat(NIGHTS.isOpen(at("2026-12-11T17:59:59Z"))).as("Sat 01:59:59").isTrue();
        assertThat(NIGHTS.closesAt(at("2026-12-11T16:30:00Z")))
                .as("Sat 00:30: Sat 02:00")
                .isEqualTo(at("2026-12-11T18:00:00Z"));
        assertThat(NIGHTS.isOpen(at("2026-12-11T18:00:00Z"))).as("Sat 02:00").isFalse();
        assertThat(NIGHTS.isOpen(at("2026-12-12T15:00:00Z"))).as("Sat 23:00").isFalse();
        assertThat(NIGHTS.isOpen(at("2026-12-13T15:00:00Z"))).as("Sun 23:00").isFalse();
        assertThat(NIGHTS.isOpen(at("2026-12-13T16:30:00Z")))
                .as("Mon 00:30: Sunday's opening, and Sunday is not a day")
                .isFalse();
        assertThat(NIGHTS.closesAt(at("2026-12-13T16:30:00Z"))).isNull();
    }

    @Test
    void findsTheNextOpeningAcrossTheWeekend() {
        assertThat(NIGHTS.nextOpening(at("2026-12-07T14:59:59Z")))
                .as("Mon 22:59:59: Mon 23:00")
                .isEqualTo(at("2026-12-07T15:00:00Z"));
        assertThat(NIGHTS.nextOpening(at("2026-12-07T16:00:00Z")))
                .as("Tue 00:00, open: itself")
                .isEqualTo(at("2026-12-07T16:00:00Z"));
        assertThat(NIGHTS.nextOpening(at("2026-12-07T18:00:00Z")))
                .as("Tue 02:00: Tue 23:00")
                .isEqualTo(at("2026-12-08T15:00:00Z"));
        assertThat(NIGHTS.nextOpening(at("2026-12-11T18:00:00Z")))
                .as("Sat 02:00: Mon 23:00")
                .isEqualTo(at("2026-12-14T15:00:00Z"));
        assertThat(NIGHTS.nextOpening(at("2026-12-13T16:30:00Z")))
                .as("Mon 00:30: Mon 23:00")
                .isEqualTo(at("2026-12-14T15:00:00Z"));
    }

    @Test
    void aWindowWithinOneDayClosesTheSameDay() {
        CutoverWindow mornings =
                new CutoverWindow(SHANGHAI, Set.of(DayOfWeek.TUESDAY), LocalTime.of(9, 0), LocalTime.of(10, 30));

        assertThat(mornings.isOpen(at("2026-12-08T00:59:59Z")))
                .as("Tue 08:59:59")
                .isFalse();
        assertThat(mornings.isOpen(at("2026-12-08T01:00:00Z"))).as("Tue 09:00").isTrue();
        assertThat(mornings.closesAt(at("2026-12-08T01:00:00Z")))
                .as("Tue 10:30")
                .isEqualTo(at("2026-12-08T02:30:00Z"));
        assertThat(mornings.isOpen(at("2026-12-08T02:30:00Z"))).as("Tue 10:30").isFalse();
        assertThat(mornings.nextOpening(at("2026-12-08T02:30:00Z")))
                .as("Tue 10:30: next Tue 09:00")
                .isEqualTo(at("2026-12-15T01:00:00Z"));
    }

    @Test
    void springForwardShortensTheOpeningByTheSkippedHour() {
        CutoverWindow window = sundays(LocalTime.of(1, 30), LocalTime.of(3, 30));

        assertThat(window.isOpen(at("2026-03-22T00:30:00Z")))
                .as("Sun 03-22 01:30 CET")
                .isTrue();
        assertThat(window.closesAt(at("2026-03-22T00:30:00Z")))
                .as("03:30 CET, two hours later")
                .isEqualTo(at("2026-03-22T02:30:00Z"));

        assertThat(window.isOpen(at("2026-03-29T00:29:59Z")))
                .as("Sun 03-29 01:29:59 CET")
                .isFalse();
        assertThat(window.isOpen(at("2026-03-29T00:30:00Z"))).as("01:30 CET").isTrue();
        assertThat(window.isOpen(at("2026-03-29T01:00:00Z"))).as("03:00 CEST").isTrue();
        assertThat(window.closesAt(at("2026-03-29T00:30:00Z")))
                .as("03:30 CEST, one hour later")
                .isEqualTo(at("2026-03-29T01:30:00Z"));
        assertThat(window.isOpen(at("2026-03-29T01:29:59Z")))
                .as("03:29:59 CEST")
                .isTrue();
        assertThat(window.isOpen(at("2026-03-29T01:30:00Z"))).as("03:30 CEST").isFalse();
    }

    @Test
    void fallBackLengthensTheOpeningByTheRepeatedHour() {
        CutoverWindow window = sundays(LocalTime.of(1, 30), LocalTime.of(3, 30));

        assertThat(window.isOpen(at("2026-10-24T23:29:59Z")))
                .as("Sun 10-25 01:29:59 CEST")
                .isFalse();
        assertThat(window.isOpen(at("2026-10-24T23:30:00Z"))).as("01:30 CEST").isTrue();
        assertThat(window.isOpen(at("2026-10-25T00:30:00Z")))
                .as("02:30 CEST, the first time")
                .isTrue();
        assertThat(window.isOpen(at("2026-10-25T01:30:00Z")))
                .as("02:30 CET, the second time")
                .isTrue();
        assertThat(window.closesAt(at("2026-10-24T23:30:00Z")))
                .as("03:30 CET, three hours later")
                .isEqualTo(at("2026-10-25T02:30:00Z"));
        assertThat(window.isOpen(at("2026-10-25T02:29:59Z"))).as("03:29:59 CET").isTrue();
        assertThat(window.isOpen(at("2026-10-25T02:30:00Z"))).as("03:30 CET").isFalse();
        assertThat(window.nextOpening(at("2026-10-25T02:30:00Z")))
                .as("Sun 11-01 01:30 CET")
                .isEqualTo(at("2026-11-01T00:30:00Z"));
    }

    @Test
    void aStartInTheSpringGapMovesForwardByTheGap() {
        CutoverWindow window = sundays(LocalTime.of(2, 30), LocalTime.of(4, 0));

        assertThat(window.nextOpening(at("2026-03-28T12:00:00Z")))
                .as("Sat 13:00 CET: 02:30 does not exist on 03-29, so 03:30 CEST")
                .isEqualTo(at("2026-03-29T01:30:00Z"));
        assertThat(window.isOpen(at("2026-03-29T01:29:59Z")))
                .as("03:29:59 CEST")
                .isFalse();
        assertThat(window.isOpen(at("2026-03-29T01:30:00Z"))).as("03:30 CEST").isTrue();
        assertThat(window.closesAt(at("2026-03-29T01:30:00Z"))).as("04:00 CEST").isEqualTo(at("2026-03-29T02:00:00Z"));
        assertThat(window.nextOpening(at("2026-03-29T02:00:00Z")))
                .as("Sun 04-05 02:30 CEST")
                .isEqualTo(at("2026-04-05T00:30:00Z"));
    }

    @Test
    void aStartInTheAutumnOverlapTakesTheEarlierOffset() {
        CutoverWindow window = sundays(LocalTime.of(2, 30), LocalTime.of(4, 0));

        assertThat(window.nextOpening(at("2026-10-24T12:00:00Z")))
                .as("Sat 14:00 CEST: the first 02:30, in CEST")
                .isEqualTo(at("2026-10-25T00:30:00Z"));
        assertThat(window.closesAt(at("2026-10-25T00:30:00Z"))).as("04:00 CET").isEqualTo(at("2026-10-25T03:00:00Z"));
    }

    @Test
    void anOpeningThatDaylightSavingEmptiesDoesNotOpen() {
        // 02:30 is in the gap and becomes 03:30 CEST, after the end, 03:15 CEST.
        CutoverWindow window = sundays(LocalTime.of(2, 30), LocalTime.of(3, 15));

        assertThat(window.isOpen(at("2026-03-29T01:20:00Z"))).as("03:20 CEST").isFalse();
        assertThat(window.isOpen(at("2026-03-29T01:30:00Z"))).as("03:30 CEST").isFalse();
        assertThat(window.nextOpening(at("2026-03-28T12:00:00Z")))
                .as("Sat 13:00 CET: not 03-29 but Sun 04-05 02:30 CEST")
                .isEqualTo(at("2026-04-05T00:30:00Z"));
    }

    @Test
    void anOpeningAcrossTheSpringChangeEndsAtTheLocalEnd() {
        CutoverWindow window =
                new CutoverWindow(BERLIN, Set.of(DayOfWeek.SATURDAY), LocalTime.of(23, 0), LocalTime.of(4, 0));

        assertThat(window.nextOpening(at("2026-03-28T12:00:00Z")))
                .as("Sat 23:00 CET")
                .isEqualTo(at("2026-03-28T22:00:00Z"));
        assertThat(window.closesAt(at("2026-03-28T22:00:00Z")))
                .as("Sun 04:00 CEST, four hours later")
                .isEqualTo(at("2026-03-29T02:00:00Z"));
    }

    @Test
    void staysOpenWhileDaylightSavingMakesTwoOpeningsOverlap() {
        // 03:10–02:30 on Saturday and Sunday: Saturday's opening ends at Sunday 02:30, which the gap makes 03:30 CEST
        // (01:30Z), after Sunday's opening began at 03:10 CEST (01:10Z).
        CutoverWindow window = new CutoverWindow(
                BERLIN, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(3, 10), LocalTime.of(2, 30));

        assertThat(window.isOpen(at("2026-03-29T01:20:00Z")))
                .as("Sun 03:20 CEST, in both")
                .isTrue();
        assertThat(window.isOpen(at("2026-03-29T01:30:00Z")))
                .as("Sun 03:30 CEST, in Sunday's")
                .isTrue();
        assertThat(window.closesAt(at("2026-03-29T00:00:00Z")))
                .as("Sun 01:00 CET: open without a break until Mon 02:30 CEST")
                .isEqualTo(at("2026-03-30T00:30:00Z"));
    }

    @Test
    void describesItselfAsAPersonWouldWriteIt() {
        assertThat(NIGHTS.describe()).isEqualTo("MONDAY–FRIDAY 23:00–02:00 Asia/Shanghai");
        Set<DayOfWeek> scattered = EnumSet.of(
                DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(new CutoverWindow(BERLIN, scattered, LocalTime.of(1, 30), LocalTime.of(3, 30)).describe())
                .isEqualTo("MONDAY–WEDNESDAY, FRIDAY, SUNDAY 01:30–03:30 Europe/Berlin");
        Set<DayOfWeek> weekend = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(new CutoverWindow(BERLIN, weekend, LocalTime.of(9, 0), LocalTime.of(17, 0)).describe())
                .isEqualTo("SATURDAY, SUNDAY 09:00–17:00 Europe/Berlin");
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThatThrownBy(() -> new CutoverWindow(SHANGHAI, WEEKDAYS, LocalTime.of(23, 0), LocalTime.of(23, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("23:00");
        assertThatThrownBy(() -> new CutoverWindow(SHANGHAI, Set.of(), LocalTime.of(23, 0), LocalTime.of(2, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsItsOwnCopyOfTheDays() {
        Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY);
        CutoverWindow window = new CutoverWindow(SHANGHAI, days, LocalTime.of(23, 0), LocalTime.of(2, 0));
        days.add(DayOfWeek.SATURDAY);

        assertThat(window.days()).containsExactly(DayOfWeek.MONDAY);
        assertThatThrownBy(() -> window.days().add(DayOfWeek.SUNDAY)).isInstanceOf(UnsupportedOperationException.class);
    }
}
