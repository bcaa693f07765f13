/**
 * Cross-cutting web plumbing every module relies on: RFC 9457 problem answers, the {@code X-Request-Id}
 * correlation id, the request size limit, the OpenAPI description, the clock, and the fail-fast checks of the
 * {@code prod} profile.
 */
@NullMarked
@ApplicationModule(displayName = "System", type = ApplicationModule.Type.OPEN)
package com.rdsmigration.gateway.system;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
