package com.rdsmigration.gateway.guided;

import java.util.EnumSet;
import java.util.Set;

/** Where a guided migration stands; the gateway drives it through these in order, each change recorded first. */
public enum GuidedStatus {
    /** Recorded; its precheck is about to be created. */
    PENDING,
    /** Its precheck runs upstream. */
    PRECHECKING,
    /** Its precheck failed: nothing is driven until {@code retry} starts a new one. */
    PRECHECK_FAILED,
    /** Its migration runs upstream: base backup, start-up, until replication reaches stage increment. */
    MIGRATING,
    /** In stage increment, held until no blocker is left (or a cutover is started by hand). */
    AWAITING_CUTOVER,
    /** ActivateMigrationTargetInstance was decided (and recorded) and is sent or sent already. */
    SWITCHING,
    SUCCEEDED,
    FAILED,
    /** Stopped by a person before the cutover. */
    CANCELLED;

    /** An example for the API document. */
    static final String EXAMPLE = "AWAITING_CUTOVER";

    /** The statuses the driver advances. */
    static final Set<GuidedStatus> DRIVEN = EnumSet.of(PENDING, PRECHECKING, MIGRATING, AWAITING_CUTOVER, SWITCHING);

    /** Statuses from which a cancel stops it: every one before the cutover is decided. */
    static final Set<GuidedStatus> CANCELLABLE =
            EnumSet.of(PENDING, PRECHECKING, PRECHECK_FAILED, MIGRATING, AWAITING_CUTOVER);

    boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
