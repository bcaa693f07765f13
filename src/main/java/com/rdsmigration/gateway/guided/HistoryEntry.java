package com.rdsmigration.gateway.guided;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One status a guided migration took, when, and why. */
@Embeddable
class HistoryEntry {

    @Enumerated(EnumType.STRING)
    private GuidedStatus status;

    private Instant at;

    private @Nullable String reason;

    protected HistoryEntry() {}

    HistoryEntry(GuidedStatus status, Instant at, @Nullable String reason) {
        this.status = status;
        this.at = at;
        this.reason = reason;
    }

    GuidedStatus getStatus() {
        return status;
    }

    Instant getAt() {
        return at;
    }

    @Nullable
    String getReason() {
        return reason;
    }
}
