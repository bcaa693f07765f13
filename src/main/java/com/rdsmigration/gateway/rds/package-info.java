/**
 * The upstream: Alibaba Cloud RDS OpenAPI (version 2014-08-15). Request signing lives in {@code signing}, the wire
 * records in {@code wire}; both are shared with the simulator.
 */
@NullMarked
@ApplicationModule(displayName = "RDS upstream client")
package com.rdsmigration.gateway.rds;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
