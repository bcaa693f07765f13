package com.rdsmigration.gateway.guided;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The gates of a guided migration's cutover, as asked at its creation. */
@Embeddable
class CutoverPolicy {

    @Column(name = "required_approvals")
    private int requiredApprovals;

    @Column(name = "window_zone")
    private @Nullable String windowZone;

    /** The window's days, comma-separated ({@code MONDAY,TUESDAY}). */
    @Column(name = "window_days")
    private @Nullable String windowDays;

    @Column(name = "window_start")
    private @Nullable LocalTime windowStart;

    @Column(name = "window_end")
    private @Nullable LocalTime windowEnd;

    @Column(name = "not_before")
    private @Nullable Instant notBefore;

    @Column(name = "max_replay_lag_seconds")
    private int maxReplayLagSeconds;

    protected CutoverPolicy() {}

    CutoverPolicy(
            int requiredApprovals,
            @Nullable CutoverWindow window,
            @Nullable Instant notBefore,
            int maxReplayLagSeconds) {
        this.requiredApprovals = requiredApprovals;
        if (window != null) {
            this.windowZone = window.zone().getId();
            this.windowDays =
                    window.days().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
            this.windowStart = window.start();
            this.windowEnd = window.end();
        }
        this.notBefore = notBefore;
        this.maxReplayLagSeconds = maxReplayLagSeconds;
    }

    int requiredApprovals() {
        return requiredApprovals;
    }

    @Nullable
    CutoverWindow window() {
        if (windowZone == null || windowDays == null || windowStart == null || windowEnd == null) {
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(windowDays.split(",")).map(DayOfWeek::valueOf).forEach(days::add);
        return new CutoverWindow(ZoneId.of(windowZone), days, windowStart, windowEnd);
    }

    @Nullable
    Instant notBefore() {
        return notBefore;
    }

    int maxReplayLagSeconds() {
        return maxReplayLagSeconds;
    }

    CutoverSchedule schedule() {
        return new CutoverSchedule(window(), notBefore);
    }
}
