package com.rdsmigration.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Verifies the module boundaries described in docs/architecture.md: no cycles, only declared dependencies, nothing uses
 * the simulator.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(RdsMigrationGatewayApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }
}
