package com.rdsmigration.gateway.idempotency;

import com.rdsmigration.gateway.problem.ProblemException;
import java.util.UUID;

/** What a request with an idempotency key may do: run (it holds the key), replay an answer, or nothing. */
sealed interface Claim {

    /** The request holds the key; {@code owner} proves it when the answer is stored or the key released. */
    record Acquired(KeyScope scope, String key, UUID owner) implements Claim {}

    /** The key already has an answer for this very request. */
    record Replay(StoredAnswer answer) implements Claim {}

    /** The key is busy with this request (409) or tied to another one (422). */
    record Refused(ProblemException problem) implements Claim {}
}
