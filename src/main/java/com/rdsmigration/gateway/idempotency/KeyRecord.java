package com.rdsmigration.gateway.idempotency;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One stored key as read back: the request it belongs to, who holds it while it runs, and once completed the answer.
 */
record KeyRecord(
        String fingerprint,
        boolean completed,
        UUID owner,
        Instant startedAt,
        Instant expiresAt,
        @Nullable StoredAnswer answer) {}
