package com.rdsmigration.gateway.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of audit events, newest first; {@code nextPageToken} fetches the next one and is null on the last. */
record AuditPage(
        @Size(max = 200) List<AuditEvent> items,

        @Schema(
                description = "Pass it as `pageToken` to get the next page; null on the last page.",
                pattern = "^[A-Za-z0-9_-]+$")
        @Size(max = PageToken.MAX_LENGTH)
        @Nullable
        String nextPageToken) {}
