package com.rdsmigration.gateway.audit;

/**
 * How an upstream attempt ended, as its audit event records it: {@link #UNKNOWN} from the moment it leaves until an
 * answer settles it (and for good when none comes), {@link #REFUSED} for a call the gateway refused before sending it.
 */
enum AuditOutcome {
    SUCCEEDED,
    FAILED,
    UNKNOWN,
    REFUSED;

    /** An example for the API document. */
    static final String EXAMPLE = "SUCCEEDED";
}
