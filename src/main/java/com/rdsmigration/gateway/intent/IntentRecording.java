package com.rdsmigration.gateway.intent;

import com.rdsmigration.gateway.rds.CallWrites;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The writes of one create in its upstream call's transactions: the participants' and the intent before the call,
 * the acceptance after it. Knows whether the intent was committed, which tells a failure before the call (nothing to
 * undo) from one after it.
 */
final class IntentRecording<T, A, R> implements CallWrites<A> {

    private final IntentSteps<T, A, R> steps;
    private final List<IntentParticipant> participants;
    private @Nullable T intent;
    private @Nullable A answer;
    private @Nullable R accepted;
    private volatile boolean committed;

    IntentRecording(IntentSteps<T, A, R> steps, List<IntentParticipant> participants) {
        this.steps = steps;
        this.participants = participants;
    }

    @Override
    public void beforeFirstAttempt() {
        participants.forEach(IntentParticipant::joinIntent);
        intent = steps.recordIntent();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed = true;
                }
            });
        } else {
            committed = true; // written as it went
        }
    }

    @Override
    public void answered(A answer) {
        this.answer = answer;
        this.accepted = steps.accepted(intent(), answer);
    }

    /** The intent, once committed: a failure after this point may have reached the upstream. */
    Optional<T> committedIntent() {
        return committed ? Optional.ofNullable(intent) : Optional.empty();
    }

    T intent() {
        if (intent == null) {
            throw new IllegalStateException("No intent was recorded");
        }
        return intent;
    }

    A answer() {
        if (answer == null) {
            throw new IllegalStateException("No answer was recorded");
        }
        return answer;
    }

    R accepted() {
        if (accepted == null) {
            throw new IllegalStateException("The call returned before its answer was recorded");
        }
        return accepted;
    }
}
