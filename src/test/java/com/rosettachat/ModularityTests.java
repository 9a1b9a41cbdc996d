package com.rosettachat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails when one module reaches into another's internals or modules depend on each other in a cycle. */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(RosettaChatApplication.class).verify();
    }
}
