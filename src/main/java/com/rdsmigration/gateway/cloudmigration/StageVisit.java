package com.rdsmigration.gateway.cloudmigration;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** A migration stage and when the gateway first saw it. */
@Embeddable
class StageVisit {

    private String stage;

    @Column(name = "first_seen_at")
    private Instant firstSeenAt;

    protected StageVisit() {}

    StageVisit(String stage, Instant firstSeenAt) {
        this.stage = stage;
        this.firstSeenAt = firstSeenAt;
    }

    String getStage() {
        return stage;
    }

    Instant getFirstSeenAt() {
        return firstSeenAt;
    }
}
