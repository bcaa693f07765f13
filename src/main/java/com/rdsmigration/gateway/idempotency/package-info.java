/**
 * {@code Idempotency-Key} on every POST under {@code /api/v1}: the first answer to a key is kept in the shared
 * database, per caller (its team and its API key's name or token's subject), for at least {@code gateway.idempotency.retention} and replayed to a retry with the same body,
 * without a second upstream call. A servlet filter behind Spring Security does it all, so controllers know nothing of
 * it; nothing depends on this module. For a handler that {@link com.rdsmigration.gateway.intent.CreatesIntent creates
 * an intent}, the key is claimed in the intent's transaction, as an {@link
 * com.rdsmigration.gateway.intent.IntentParticipant}.
 */
@NullMarked
@ApplicationModule(
        displayName = "Idempotency",
        allowedDependencies = {"system", "security", "logging", "problem", "settings", "intent"})
package com.rdsmigration.gateway.idempotency;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
