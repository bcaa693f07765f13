package com.rdsmigration.gateway.guided;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When a cutover may start: inside the maintenance {@code window} and not before {@code notBefore}, each only when
 * set. With neither set the schedule is always open. Pure arithmetic over the instant it is given, like
 * {@link CutoverWindow}.
 *
 * @param window the weekly maintenance window, or {@code null} for any time of the week
 * @param notBefore the earliest instant, or {@code null} for no such bound
 */
public record CutoverSchedule(
        @Nullable CutoverWindow window, @Nullable Instant notBefore) {

    /** Whether a cutover may start at {@code now}: {@code now} is not before {@code notBefore} and inside the window. */
    public boolean isOpen(Instant now) {
        return (notBefore == null || !now.isBefore(notBefore)) && (window == null || window.isOpen(now));
    }

    /**
     * The earliest instant after {@code now} at which the schedule is open, or {@code null} when it is open at
     * {@code now}: the window's next opening at or after the later of {@code now} and {@code notBefore}, which is
     * {@code notBefore} itself when the window is open then.
     */
    public @Nullable Instant nextOpening(Instant now) {
        if (isOpen(now)) {
            return null;
        }
        Instant from = notBefore != null && notBefore.isAfter(now) ? notBefore : now;
        return window == null ? from : window.nextOpening(from);
    }

    /**
     * Why the schedule is closed at {@code now}, as a sentence for a person (a blocker's detail), e.g.
     * {@code The maintenance window (MONDAY–FRIDAY 23:00–02:00 Asia/Shanghai) opens at 2026-12-07T15:00:00Z} or
     * {@code Not before 2026-12-07T15:00:00Z}. For an open schedule it says so, and until when a window stays open.
     */
    public String closedDetail(Instant now) {
        Instant next = nextOpening(now);
        if (window == null) {
            // Closed without a window: only notBefore holds it.
            return next == null ? "The cutover may start now" : "Not before " + notBefore;
        }
        String name = "maintenance window (" + window.describe() + ")";
        if (next == null) {
            return "The " + name + " is open until " + window.closesAt(now);
        }
        if (notBefore == null || !notBefore.isAfter(now)) {
            return "The " + name + " opens at " + next;
        }
        return next.equals(notBefore)
                ? "Not before " + notBefore + ", when the " + name + " is open"
                : "Not before " + notBefore + "; the " + name + " then opens at " + next;
    }
}
