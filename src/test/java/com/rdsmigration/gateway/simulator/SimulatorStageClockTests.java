package com.rdsmigration.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Stages are whole multiples of the stage duration since a task started. */
class SimulatorStageClockTests {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    final StageClock clock = new StageClock(Duration.ofSeconds(5));

    @Test
    void countsOnlyCompletedStages() {
        assertThat(clock.stagesElapsed(START, START)).isZero();
        assertThat(clock.stagesElapsed(START, START.plusMillis(4_999))).isZero();
        assertThat(clock.stagesElapsed(START, START.plusSeconds(5))).isEqualTo(1);
        assertThat(clock.stagesElapsed(START, START.plusSeconds(17))).isEqualTo(3);
    }

    @Test
    void countsNothingBeforeTheStart() {
        assertThat(clock.stagesElapsed(START, START.minusSeconds(60))).isZero();
    }

    @Test
    void finishesEverythingAtOnceWithAZeroStageDuration() {
        assertThat(new StageClock(Duration.ZERO).stagesElapsed(START, START)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void placesEachStageStartOnTheGrid() {
        assertThat(clock.stageStart(START, 0)).isEqualTo(START);
        assertThat(clock.stageStart(START, 3)).isEqualTo(START.plusSeconds(15));
    }
}
