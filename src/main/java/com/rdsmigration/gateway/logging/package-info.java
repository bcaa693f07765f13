/**
 * What the logs may say: every line and stack trace masked of secrets, by pattern and by configured value, and the
 * `X-Request-Id` correlation id that ties a call's lines, audit rows and answer together.
 */
@NullMarked
@ApplicationModule(displayName = "Logging")
package com.rdsmigration.gateway.logging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
