/**
 * Records that mirror the JSON of the RDS OpenAPI (2014-08-15) field for field, with the upstream's own names, and
 * the names of the request parameters. Shared by the client, which reads them, and the simulator, which writes them.
 * Source passwords the upstream echoes are kept out of {@code toString}.
 */
@NullMarked
@NamedInterface("wire")
package com.rdsmigration.gateway.rds.wire;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
