package com.rdsmigration.gateway.intent;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.rds.AnswerNotRecorded;
import com.rdsmigration.gateway.rds.RdsException;
import com.rdsmigration.gateway.rds.TransientRdsException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Creates an upstream task without ever losing track of it, in two transactions around the upstream call:
 *
 * <ul>
 *   <li>before it, the intent ({@code PENDING}), with the {@link IntentParticipant}s' writes (the idempotency key) and
 *       the call's own records (its audit event, usage count, quota places and rate-limit permit): committed before
 *       anything is sent, so a store that cannot be written, a quota used up or a name already taken stops the create
 *       with nothing sent and nothing kept;
 *   <li>after it, the acceptance with the upstream's ids, with the audit event's completion.
 * </ul>
 *
 * Then, unless it was accepted:
 *
 * <ul>
 *   <li>a refusal, or a failure that provably never reached the upstream, drops the intent and is passed on;
 *   <li>a lost answer (a timeout, a 5xx) is looked up where the upstream can list the task, else the task is kept
 *       {@code UNKNOWN} for the reconciler and the answer says so (503, {@code outcome: UNKNOWN}): never sent blindly
 *       again;
 *   <li>an acceptance that cannot be recorded leaves the intent as it was for the reconciler and answers the same.
 * </ul>
 */
@Component
public class IntentProtocol {

    private static final Logger log = LoggerFactory.getLogger(IntentProtocol.class);

    private final List<IntentParticipant> participants;

    IntentProtocol(ObjectProvider<IntentParticipant> participants) {
        this.participants = participants.orderedStream().toList();
    }

    /** Runs the protocol for one create; answers the task as accepted. */
    public <T, A, R> R create(IntentSteps<T, A, R> steps) {
        IntentRecording<T, A, R> recording = new IntentRecording<>(steps, participants);
        try {
            steps.send(recording);
            return recording.accepted();
        } catch (AnswerNotRecorded e) {
            log.warn(
                    "{} {} was accepted upstream ({}) but could not be recorded: {}",
                    steps.kind(),
                    steps.id(recording.intent()),
                    steps.upstreamIds(recording.answer()),
                    e.getCause().getClass().getSimpleName());
            throw ProblemException.outcomeUnknown(steps.kind(), steps.id(recording.intent()));
        } catch (TransientRdsException e) {
            T intent = recording.committedIntent().orElseThrow(() -> e); // stopped before it was sent
            if (!e.outcomeUnknown()) {
                steps.forget(intent);
                throw e;
            }
            return answerLost(steps, intent, e);
        } catch (RdsException e) {
            recording.committedIntent().ifPresent(steps::forget);
            throw e;
        }
    }

    private <T, A, R> R answerLost(IntentSteps<T, A, R> steps, T intent, TransientRdsException lost) {
        if (steps.canLookUp()) {
            try {
                Optional<R> found = steps.lookUp(intent);
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (RdsException | DataAccessException stillUnknown) {
                log.warn(
                        "Cannot resolve the lost answer of {} {} yet: {}",
                        steps.kind(),
                        steps.id(intent),
                        stillUnknown.getMessage());
            }
        }
        steps.keepUnknown(intent);
        ProblemException unknown = ProblemException.outcomeUnknown(steps.kind(), steps.id(intent));
        if (!steps.canLookUp()) {
            unknown.with("upstreamCode", lost.code());
        }
        throw unknown;
    }
}
