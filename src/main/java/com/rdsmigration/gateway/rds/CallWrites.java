package com.rdsmigration.gateway.rds;

/**
 * Database writes a caller makes part of an upstream call's own records, so that the call costs no more transactions
 * than it has attempts plus one: what the caller must have committed before the call leaves ({@link
 * #beforeFirstAttempt}, in the transaction that also records the first attempt, its quotas and its rate-limit permit)
 * and what records the answer ({@link #answered}, in the transaction that also completes the attempt's audit event).
 * An exception from either rolls its whole transaction back: before the first attempt, nothing is sent and nothing is
 * kept; after the answer, the call fails with {@link AnswerNotRecorded}.
 *
 * @param <A> the call's answer
 */
public interface CallWrites<A> {

    /** Writes nothing of the caller's own. */
    CallWrites<Object> NONE = new CallWrites<>() {
        @Override
        public void beforeFirstAttempt() {}

        @Override
        public void answered(Object answer) {}
    };

    /** Made once, in the transaction committed just before the first attempt leaves. */
    void beforeFirstAttempt();

    /** Made in the transaction that records the successful answer. */
    void answered(A answer);
}
