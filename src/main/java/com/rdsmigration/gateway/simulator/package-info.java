/**
 * A wire-compatible, stateful, in-memory stand-in for the Alibaba Cloud RDS OpenAPI (2014-08-15), served at the root
 * path {@code /} of the gateway's own port so that the gateway, Alibaba's SDKs and the CLI can call it unchanged.
 *
 * <p>It checks V3 (ACS3-HMAC-SHA256) and V1 (HMAC-SHA1) signatures and bearer tokens against its configured
 * credentials ({@code rds.simulator.*}), answers the seven migration actions and DescribeDBInstanceAttribute with
 * the JSON of {@code rds.wire}, and moves tasks through their stages lazily from the application clock, so that a test
 * advancing the clock advances every task. Faults (errors, throttling, latency, lost answers) and a call log are
 * driven through {@code /rds-simulator/_control}. It depends only on {@code rds.signing} and {@code rds.wire}; nothing
 * depends on it, and with {@code rds.simulator.enabled=false} none of it exists.
 *
 * <p>Deterministic failures for tests: a precheck of a source in 192.0.2.0/24 fails its connectivity checks, an
 * import whose source database name starts with {@code fail} fails when its stage ends, and an instance's engine,
 * status and resource group, and the replication state and replay lag its migrations show, can be changed at run time
 * with {@code PUT /rds-simulator/_control/instances/{id}}.
 */
@NullMarked
@ApplicationModule(
        displayName = "RDS simulator",
        allowedDependencies = {"rds :: signing", "rds :: wire", "system"})
package com.rdsmigration.gateway.simulator;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
