package com.rdsmigration.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Rates pick exactly floor(n*r) of the first n calls, with no randomness and no floating-point drift. */
class SimulatorDeterministicRateTests {

    static long picked(String rate, int calls) {
        DeterministicRate deterministic = new DeterministicRate(new BigDecimal(rate));
        return IntStream.range(0, calls).filter(i -> deterministic.next()).count();
    }

    @Test
    void picksExactlyAQuarterOfAThousandCalls() {
        assertThat(picked("0.25", 1000)).isEqualTo(250);
    }

    @Test
    void staysExactWhereBinaryFloatingPointWouldDrift() {
        assertThat(picked("0.29", 100)).isEqualTo(29);
        assertThat(picked("0.1", 30)).isEqualTo(3);
        assertThat(picked("0.7", 10)).isEqualTo(7);
    }

    @Test
    void picksTheCallsWhereTheRunningTotalCrossesAWholeNumber() {
        assertThat(IntStream.rangeClosed(1, 8).filter(n -> DeterministicRate.picks(new BigDecimal("0.25"), n)))
                .containsExactly(4, 8);
        assertThat(IntStream.rangeClosed(1, 4).filter(n -> DeterministicRate.picks(new BigDecimal("0.5"), n)))
                .containsExactly(2, 4);
    }

    @Test
    void picksNoneAtZeroAndAllAtOne() {
        assertThat(picked("0", 50)).isZero();
        assertThat(picked("1", 50)).isEqualTo(50);
    }
}
