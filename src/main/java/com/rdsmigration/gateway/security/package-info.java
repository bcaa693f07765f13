/**
 * Who is calling: every caller is a team, authenticated by an {@code X-API-Key} (stored as SHA-256 hashes) and, later,
 * by a JWT. Whatever the method, it produces a {@link com.rdsmigration.gateway.security.Caller}, which the feature
 * modules use to scope every task to its team.
 */
@NullMarked
@ApplicationModule(displayName = "Security")
package com.rdsmigration.gateway.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
