package com.rdsmigration.gateway.ownership;

import java.util.Optional;

/** Reads an instance's resource group upstream: empty when the upstream knows no such instance. */
@FunctionalInterface
interface ResourceGroupReader {

    /** The group; throws the upstream's failure when it cannot tell. */
    Optional<String> read(String instanceId);
}
