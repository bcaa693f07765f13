/**
 * The audit trail: one append-only event per upstream attempt (retries, reconciler calls included), written before the
 * attempt leaves and completed when it ends, so that no attempt goes unrecorded even when the process dies in between.
 * Served at {@code /api/v1/audit-events} with keyset pagination; purged after {@code gateway.audit.retention}.
 */
@NullMarked
@ApplicationModule(displayName = "Audit")
package com.rdsmigration.gateway.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
