package com.rdsmigration.gateway.rds;

/**
 * The upstream answered the call, but the transaction that records its answer (the audit event's completion and the
 * caller's {@link CallWrites#answered}) could not be committed: the call took effect upstream, and the gateway's store
 * does not say so. The message names the action and the upstream's RequestId, never a parameter.
 */
public class AnswerNotRecorded extends RuntimeException {

    AnswerNotRecorded(String action, String requestId, RuntimeException cause) {
        super(
                action + " was answered (RequestId " + requestId + ") but its answer could not be recorded: "
                        + cause.getClass().getSimpleName(),
                cause);
    }
}
