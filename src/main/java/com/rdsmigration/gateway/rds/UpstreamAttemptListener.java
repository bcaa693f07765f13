package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.wire.RdsResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Hears of every attempt the client sends to the upstream, retries included: once before it leaves, so that an attempt
 * is on record even when the process dies while it is in flight, and once more with its outcome. The parameters are
 * the business parameters of the call, secrets included: a listener that keeps them must mask them.
 *
 * <p>Both are called in a transaction of the client's (see {@link CallWrites}): {@link #sending} in the one committed
 * before the attempt leaves, the outcome in the next one the call makes (the next attempt's, or the one that records
 * the answer), so a listener writes with plain statements that join it and lets their failures propagate. Only when
 * the store is down does the client call a read's listeners without a transaction; they then log what they cannot
 * write.
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
                public void succeeded(int httpStatus, RdsResponse answer, Duration took) {
                    outcomes.forEach(outcome -> outcome.succeeded(httpStatus, answer, took));
                }

                @Override
                public void failed(RdsException failure, Duration took) {
                    outcomes.forEach(outcome -> outcome.failed(failure, took));
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
            public void succeeded(int httpStatus, RdsResponse answer, Duration took) {}

            @Override
            public void failed(RdsException failure, Duration took) {}
        };

        /** The attempt was answered with success after {@code took}. */
        void succeeded(int httpStatus, RdsResponse answer, Duration took);

        /** The attempt failed after {@code took}. */
        void failed(RdsException failure, Duration took);
    }
}
