package com.rdsmigration.gateway.intent;

import com.rdsmigration.gateway.rds.CallWrites;
import java.util.Optional;
import java.util.UUID;

/**
 * What one kind of upstream task does at each step of the {@link IntentProtocol}. {@link #recordIntent} and {@link
 * #accepted} write in the upstream call's own transactions (the one committed before it leaves, and the one that
 * records its answer: see {@link CallWrites}); the other store steps are short transactions of their own. None is
 * open while the call is on its way.
 *
 * @param <T> the recorded intent (the task as stored)
 * @param <A> the upstream's answer to the create
 * @param <R> the task once the outcome is recorded
 */
public interface IntentSteps<T, A, R> {

    /** The task's kind in words ({@code import}, {@code precheck}, ...), for logs and problems. */
    String kind();

    /**
     * Records the intent (a {@code PENDING} task), in the transaction committed before the call leaves; a failure here
     * stops everything before any call.
     */
    T recordIntent();

    /** The gateway's id of the intent's task. */
    UUID id(T intent);

    /** The upstream create call, made with {@code writes}: they record the intent and the acceptance. */
    A send(CallWrites<A> writes);

    /** The upstream's ids in an answer, for the log ({@code TaskId 42, RequestId ...}); never a secret. */
    String upstreamIds(A answer);

    /** Records the upstream's acceptance, in the transaction that records the answer: the task with its ids. */
    R accepted(T intent, A answer);

    /** Drops an intent the upstream provably did not act on: it never became a task. */
    void forget(T intent);

    /** Keeps the task {@code UNKNOWN} for the reconciler: the create may have taken effect upstream. */
    void keepUnknown(T intent);

    /**
     * Whether a create whose answer was lost can be looked up upstream ({@link #lookUp}). When it cannot, the problem
     * answered names the lost call's upstream code, the last word there is on it.
     */
    default boolean canLookUp() {
        return false;
    }

    /** The task, recorded as accepted, when the upstream lists the intent's create; empty when it does not (yet). */
    default Optional<R> lookUp(T intent) {
        return Optional.empty();
    }
}
