package com.rdsmigration.gateway.guided;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A weekly maintenance window in an IANA zone: on each of {@code days} an opening begins at local {@code start} and
 * lasts until local {@code end} of the same day, or of the next day when {@code end} is not after {@code start}. So
 * 23:00–02:00 on {@code FRIDAY} is open from Friday 23:00 to Saturday 02:00, and Saturday 00:30 belongs to Friday's
 * opening; with {@code SUNDAY} not listed, Monday 00:30 is closed.
 *
 * <p>Local times become instants as {@link ZonedDateTime#of(LocalDate, LocalTime, ZoneId)} resolves them, which is what
 * an operator who wrote the window on a wall clock means on a daylight-saving day:
 *
 * <ul>
 *   <li>a start or end in a gap (clocks spring forward) moves forward by the gap's length: in Europe/Berlin on
 *       2026-03-29, 02:30 is 03:30 CEST;
 *   <li>a start or end in an overlap (clocks fall back) takes the earlier offset, so the earlier of the two instants: in
 *       Europe/Berlin on 2026-10-25, 02:30 is 02:30 CEST (00:30Z), not 02:30 CET;
 *   <li>an opening is the half-open span [start, end) of instants, so a window is closed at its end instant;
 *   <li>an opening whose end instant is not after its start instant (only possible on a daylight-saving day, e.g.
 *       02:30–03:15 when 02:00–03:00 is skipped) is empty: the window does not open that day.
 * </ul>
 *
 * <p>The arithmetic is pure: every method answers from its arguments alone, never from a clock.
 *
 * @param zone the zone the local times are read in
 * @param days the days on which an opening begins; not empty
 * @param start the local time an opening begins
 * @param end the local time it ends: the same day when after {@code start}, else the next day; never equal to
 *     {@code start}
 */
public record CutoverWindow(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    public CutoverWindow {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("A maintenance window needs at least one day of the week");
        }
        if (start.equals(end)) {
            throw new IllegalArgumentException("A maintenance window's start and end differ; both are " + start);
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    /** Whether an opening contains {@code at}. */
    public boolean isOpen(Instant at) {
        return containing(at) != null;
    }

    /** The earliest instant at or after {@code from} at which the window is open: {@code from} itself when open. */
    public Instant nextOpening(Instant from) {
        if (isOpen(from)) {
            return from;
        }
        // Openings begin in date order, and within any week a listed day has a non-empty opening unless a
        // daylight-saving change empties it; no zone changes its clocks every week, so this ends within two.
        for (LocalDate date = localDate(from).minusDays(1); ; date = date.plusDays(1)) {
            Opening opening = opening(date);
            if (opening != null && !opening.start().isBefore(from)) {
                return opening.start();
            }
        }
    }

    /**
     * When the window closes again after {@code at}: the end of the opening that contains {@code at}, or {@code null}
     * when the window is closed at {@code at}. Where the next opening begins no later than that end (only possible
     * around a daylight-saving change), the window stays open and this is the end of the whole open stretch.
     */
    public @Nullable Instant closesAt(Instant at) {
        Opening opening = containing(at);
        if (opening == null) {
            return null;
        }
        Instant end = opening.end();
        for (Opening next = containing(end); next != null; next = containing(end)) {
            end = next.end();
        }
        return end;
    }

    /** The window as a person reads it, e.g. {@code MONDAY–FRIDAY 23:00–02:00 Asia/Shanghai}. */
    public String describe() {
        return days(days) + " " + start + "–" + end + " " + zone.getId();
    }

    /** The non-empty opening that contains {@code at}, if any; the latest-ending one when two do. */
    private @Nullable Opening containing(Instant at) {
        Opening found = null;
        // An opening lasts less than a day of local time, so only those of the two days before can still be open;
        // the third covers a gap at midnight pushing an end into the next day.
        LocalDate date = localDate(at);
        for (LocalDate day = date.minusDays(2); !day.isAfter(date); day = day.plusDays(1)) {
            Opening opening = opening(day);
            if (opening != null
                    && opening.contains(at)
                    && (found == null || opening.end().isAfter(found.end()))) {
                found = opening;
            }
        }
        return found;
    }

    /** The opening that begins on {@code date}, or {@code null} when the day is not listed or its opening is empty. */
    private @Nullable Opening opening(LocalDate date) {
        if (!days.contains(date.getDayOfWeek())) {
            return null;
        }
        LocalDate endDate = end.isAfter(start) ? date : date.plusDays(1);
        Instant opens = ZonedDateTime.of(date, start, zone).toInstant();
        Instant closes = ZonedDateTime.of(endDate, end, zone).toInstant();
        return closes.isAfter(opens) ? new Opening(opens, closes) : null;
    }

    private LocalDate localDate(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** Days in week order, three or more consecutive ones as a range: {@code MONDAY–FRIDAY, SUNDAY}. */
    private static String days(Set<DayOfWeek> days) {
        List<String> parts = new ArrayList<>();
        DayOfWeek[] week = DayOfWeek.values();
        int i = 0;
        while (i < week.length) {
            if (!days.contains(week[i])) {
                i++;
                continue;
            }
            int last = i;
            while (last + 1 < week.length && days.contains(week[last + 1])) {
                last++;
            }
            if (last - i >= 2) {
                parts.add(week[i] + "–" + week[last]);
            } else {
                for (int j = i; j <= last; j++) {
                    parts.add(week[j].toString());
                }
            }
            i = last + 1;
        }
        return String.join(", ", parts);
    }

    /** One opening: [start, end) in instants, end after start. */
    private record Opening(Instant start, Instant end) {

        boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }
}
