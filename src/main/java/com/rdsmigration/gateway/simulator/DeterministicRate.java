package com.rdsmigration.gateway.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Picks calls at an exact rate instead of at random: with rate {@code r} the {@code n}-th call (from 1) is picked
 * when {@code floor(n*r) > floor((n-1)*r)}, so any {@code k} consecutive calls from the first contain exactly
 * {@code floor(k*r)} picks (1000 calls at 0.25 give 250). Decimal arithmetic keeps rates like 0.29 exact.
 */
final class DeterministicRate {

    private final BigDecimal rate;
    private final AtomicLong calls = new AtomicLong();

    DeterministicRate(BigDecimal rate) {
        this.rate = rate;
    }

    /** Counts one more call and says whether it is picked. */
    boolean next() {
        return picks(rate, calls.incrementAndGet());
    }

    static boolean picks(BigDecimal rate, long n) {
        if (rate.signum() <= 0) {
            return false;
        }
        return floor(rate, n).compareTo(floor(rate, n - 1)) > 0;
    }

    private static BigDecimal floor(BigDecimal rate, long n) {
        return rate.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.FLOOR);
    }
}
