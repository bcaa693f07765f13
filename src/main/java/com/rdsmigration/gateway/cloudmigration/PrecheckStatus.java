package com.rdsmigration.gateway.cloudmigration;

/**
 * Where a precheck stands, as the API shows it: its report decides between PASSED and FAILED once it is complete. Each
 * value is the stored {@link TaskStatus} of the same name.
 */
enum PrecheckStatus {
    PENDING(TaskStatus.PENDING),
    UNKNOWN(TaskStatus.UNKNOWN),
    RUNNING(TaskStatus.RUNNING),
    PASSED(TaskStatus.PASSED),
    FAILED(TaskStatus.FAILED);

    /** An example for the API document. */
    static final String EXAMPLE = "PASSED";

    private final TaskStatus stored;

    PrecheckStatus(TaskStatus stored) {
        this.stored = stored;
    }

    /** The status a precheck in this state is stored with. */
    TaskStatus stored() {
        return stored;
    }

    /** The view of a stored precheck's status; a status no precheck takes is refused. */
    static PrecheckStatus of(TaskStatus stored) {
        for (PrecheckStatus status : values()) {
            if (status.stored == stored) {
                return status;
            }
        }
        throw new IllegalStateException("A precheck cannot be " + stored);
    }
}
