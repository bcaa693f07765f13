package com.rdsmigration.gateway.imports;

/** Where an import stands, as far as the gateway knows. */
enum ImportStatus {
    /** The intent is recorded; the upstream's answer is not yet known. */
    PENDING,
    /** The create's outcome was lost (a timeout); it is being reconciled. */
    UNKNOWN,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    /** An example for the API document. */
    static final String EXAMPLE = "RUNNING";

    boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
