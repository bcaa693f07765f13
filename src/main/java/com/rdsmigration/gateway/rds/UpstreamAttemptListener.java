package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.wire.RdsResponse;
import java.util.List;
import java.util.Map;

/**
 * Hears of every attempt the client sends to the upstream, retries included: once before it leaves, so that an attempt
 * is on record even when the process dies while it is in flight, and once more with its outcome. The parameters are
 * the business parameters of the call, secrets included: a listener that keeps them must mask them.
 */
public interface UpstreamAttemptListener {

    /** A listener that keeps nothing. */
    UpstreamAttemptListener NONE = (action, attempt, parameters) -> Outcome.IGNORED;

    /** One listener that tells each of {@code listeners} in turn, in their order. */
    static UpstreamAttemptListener all(List<UpstreamAttemptListener> listeners) {
        if (listeners.size() == 1) {
            return listeners.get(0);
        }
        return (action, attempt, parameters) -> {
            List<Outcome> outcomes = listeners.stream()
                    .map(listener -> listener.sending(action, attempt, parameters))
                    .toList();
            return new Outcome() {
                @Override
                public void succeeded(int httpStatus, RdsResponse answer) {
                    outcomes.forEach(outcome -> outcome.succeeded(httpStatus, answer));
                }

                @Override
                public void failed(RdsException failure) {
                    outcomes.forEach(outcome -> outcome.failed(failure));
                }
            };
        };
    }

    /** Attempt {@code attempt} (from 1) of {@code action} is about to be sent. */
    Outcome sending(String action, int attempt, Map<String, String> parameters);

    /** How the attempt ended; exactly one of these is called, unless the process dies first. */
    interface Outcome {

        /** For a listener that has heard all it needs before the attempt left. */
        Outcome IGNORED = new Outcome() {
            @Override
            public void succeeded(int httpStatus, RdsResponse answer) {}

            @Override
            public void failed(RdsException failure) {}
        };

        void succeeded(int httpStatus, RdsResponse answer);

        void failed(RdsException failure);
    }
}
