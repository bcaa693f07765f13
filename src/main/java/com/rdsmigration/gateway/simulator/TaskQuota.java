package com.rdsmigration.gateway.simulator;

/**
 * What a full task registry answers. A registry that reaches {@code rds.simulator.max-tasks} forgets its oldest
 * ended task to make room; a running one is never forgotten, as the caller may still read, cancel or switch it over,
 * so when none has ended the create is refused with this error. Its {@code OperationDenied} prefix makes it a
 * non-transient refusal, not a failure to retry.
 */
final class TaskQuota {

    private TaskQuota() {}

    static RdsError exceeded(String kind, int max) {
        return RdsError.operationDenied(
                "TaskQuotaExceeded",
                "The simulator already holds " + max + " " + kind + " tasks, none of them ended"
                        + " (rds.simulator.max-tasks); let some end, or reset the simulator.");
    }
}
