package com.rdsmigration.gateway.intent;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.rds.RdsException;
import com.rdsmigration.gateway.rds.TransientRdsException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Creates an upstream task without ever losing track of it: the intent is committed before anything is sent (a store
 * that cannot be written stops the create before the upstream hears of it), the upstream is called outside any
 * transaction, and then
 *
 * <ul>
 *   <li>an acceptance is recorded with the upstream's ids;
 *   <li>a refusal, or a failure that provably never reached the upstream, drops the intent and is passed on;
 *   <li>a lost answer (a timeout, a 5xx) is looked up where the upstream can list the task, else the task is kept
 *       {@code UNKNOWN} for the reconciler and the answer says so (503, {@code outcome: UNKNOWN}): never sent blindly
 *       again;
 *   <li>an acceptance that cannot be recorded leaves the intent as it was for the reconciler and answers the same.
 * </ul>
 *
 * Every attempt is audited by the upstream client's listeners, whatever its outcome.
 */
@Component
public class IntentProtocol {

    private static final Logger log = LoggerFactory.getLogger(IntentProtocol.class);

    /** Runs the protocol for one create; answers the task as accepted. */
    public <T, A, R> R create(IntentSteps<T, A, R> steps) {
        T intent = steps.recordIntent();
        A answer;
        try {
            answer = steps.send(intent);
        } catch (TransientRdsException e) {
            if (!e.outcomeUnknown()) {
                steps.forget(intent);
                throw e;
            }
            return answerLost(steps, intent, e);
        } catch (RdsException e) {
            steps.forget(intent);
            throw e;
        }
        try {
            return steps.accepted(intent, answer);
        } catch (DataAccessException e) {
            log.warn(
                    "{} {} was accepted upstream ({}) but could not be recorded: {}",
                    steps.kind(),
                    steps.id(intent),
                    steps.upstreamIds(answer),
                    e.getClass().getSimpleName());
            throw ProblemException.outcomeUnknown(steps.kind(), steps.id(intent));
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
