package com.rdsmigration.gateway.idempotency;

import com.rdsmigration.gateway.problem.ProblemException;
import java.time.Instant;
import java.util.UUID;

/**
 * What a request with an idempotency key may do: run (it holds the key, or will claim it with its intent), replay an
 * answer, or nothing.
 */
sealed interface Claim {

    /** The request holds the key; {@code owner} proves it when the answer is stored or the key released. */
    record Acquired(KeyScope scope, String key, UUID owner) implements Claim {}

    /**
     * The key is free, and the request claims it in the transaction of its intent ({@link IntentClaims}): until that
     * commits, the request holds nothing.
     */
    final class Deferred implements Claim {

        private final Acquired claim;
        private final String fingerprint;
        private final Instant startedAt;
        private volatile boolean held;

        Deferred(KeyScope scope, String key, String fingerprint, Instant startedAt) {
            this.claim = new Acquired(scope, key, UUID.randomUUID());
            this.fingerprint = fingerprint;
            this.startedAt = startedAt;
        }

        /** The claim as it is once its intent's transaction has committed. */
        Acquired claim() {
            return claim;
        }

        String fingerprint() {
            return fingerprint;
        }

        Instant startedAt() {
            return startedAt;
        }

        boolean held() {
            return held;
        }

        void committed() {
            held = true;
        }
    }

    /** The key already has an answer for this very request. */
    record Replay(StoredAnswer answer) implements Claim {}

    /** The key is busy with this request (409) or tied to another one (422). */
    record Refused(ProblemException problem) implements Claim {}
}
