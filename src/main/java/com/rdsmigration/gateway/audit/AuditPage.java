package com.rdsmigration.gateway.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of audit events, newest first; {@code nextPageToken} fetches the next one and is absent on the last. */
record AuditPage(List<AuditEvent> items, @Nullable String nextPageToken) {}
