package com.rdsmigration.gateway.guided;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** An approval of a guided migration's cutover: who gave it, when, and why. */
@Embeddable
class Approval {

    @Column(name = "approved_by")
    private String by;

    @Column(name = "approved_at")
    private Instant at;

    private String comment;

    protected Approval() {}

    Approval(String by, Instant at, String comment) {
        this.by = by;
        this.at = at;
        this.comment = comment;
    }

    String getBy() {
        return by;
    }

    Instant getAt() {
        return at;
    }

    String getComment() {
        return comment;
    }
}
