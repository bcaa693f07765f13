/**
 * Who is calling: every caller is a team, authenticated by an {@code X-API-Key} (stored as SHA-256 hashes) or, when a
 * JWT issuer is configured, by a bearer JWT whose team claim names the team. Whatever the method, it produces a
 * {@link com.rdsmigration.gateway.security.Caller}, which the feature modules use to scope every task to its team.
 * Profile {@code prod} refuses to start with the public demo keys, with no caller configured at all, or with JWT
 * callers whose issuer ({@code issuer-uri}) or audience ({@code audiences}) is not configured.
 */
@NullMarked
@ApplicationModule(displayName = "Security")
package com.rdsmigration.gateway.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
