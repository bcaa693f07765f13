package com.rdsmigration.gateway.simulator;

import java.util.List;

/** Forgets every task, nonce, fault, instance override and logged call: a simulator as after start-up. */
final class SimulatorReset {

    private final List<Runnable> steps;

    SimulatorReset(List<Runnable> steps) {
        this.steps = List.copyOf(steps);
    }

    void run() {
        steps.forEach(Runnable::run);
    }
}
