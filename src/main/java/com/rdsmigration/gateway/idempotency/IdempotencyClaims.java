package com.rdsmigration.gateway.idempotency;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Decides, against the shared table, what a request with an idempotency key may do. The insert of a running row is
 * the lock: of two concurrent requests exactly one inserts, the other reads the winner's row. Expired rows count as
 * absent, and a running row older than the in-flight timeout as abandoned by a replica that died.
 */
@Component
class IdempotencyClaims {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyClaims.class);
    private static final int ATTEMPTS = 3;

    private final IdempotencyStore store;
    private final Clock clock;
    private final IdempotencyProperties properties;

    IdempotencyClaims(IdempotencyStore store, Clock clock, IdempotencyProperties properties) {
        this.store = store;
        this.clock = clock;
        this.properties = properties;
    }

    Claim claim(KeyScope scope, String key, String fingerprint) {
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<Claim> decided = tryClaim(scope, key, fingerprint);
                if (decided.isPresent()) {
                    return decided.get();
                }
            }
            return new Claim.Refused(inProgress());
        } catch (DataAccessException e) {
            log.warn("Idempotency store unavailable while claiming a key of team {}", scope.team(), e);
            throw new ProblemException(
                            ProblemType.UPSTREAM_UNAVAILABLE,
                            "The gateway cannot reach its idempotency store; retry later with the same "
                                    + IdempotencyKeyHeader.NAME + ".")
                    .retryAfter(Duration.ofSeconds(5));
        }
    }

    /** One round: empty when the row changed under us and the round must be repeated. */
    private Optional<Claim> tryClaim(KeyScope scope, String key, String fingerprint) {
        Instant now = clock.instant();
        UUID owner = UUID.randomUUID();
        if (store.insertInFlight(scope, key, fingerprint, owner, now, now.plus(properties.retention()))) {
            return Optional.of(new Claim.Acquired(scope, key, owner));
        }
        KeyRecord found = store.find(scope, key).orElse(null);
        if (found == null) {
            return Optional.empty();
        }
        if (!found.expiresAt().isAfter(now)) {
            store.deleteExpired(scope, key, now);
            return Optional.empty();
        }
        if (!found.fingerprint().equals(fingerprint)) {
            return Optional.of(new Claim.Refused(new ProblemException(
                    ProblemType.UNPROCESSABLE,
                    "This " + IdempotencyKeyHeader.NAME + " was already used for a different request; send a new"
                            + " key for a new request.")));
        }
        StoredAnswer answer = found.answer();
        if (answer != null) {
            return Optional.of(new Claim.Replay(answer));
        }
        if (found.startedAt().plus(properties.inFlightTimeout()).isAfter(now)) {
            return Optional.of(new Claim.Refused(inProgress()));
        }
        boolean tookOver = store.takeOver(scope, key, found.owner(), owner, now, now.plus(properties.retention()));
        if (tookOver) {
            log.warn("Took over idempotency key of team {} abandoned since {}", scope.team(), found.startedAt());
            return Optional.of(new Claim.Acquired(scope, key, owner));
        }
        return Optional.empty();
    }

    /** Stores an answer worth remembering, else releases the key; the answer goes out whatever happens here. */
    void settle(Claim.Acquired claim, StoredAnswer answer) {
        if (!AnswerPolicy.remembers(answer)) {
            release(claim);
            return;
        }
        try {
            if (!store.complete(claim, answer, clock.instant().plus(properties.retention()))) {
                log.warn(
                        "Idempotency key of team {} was taken over before its answer was stored",
                        claim.scope().team());
            }
        } catch (DataAccessException e) {
            log.warn(
                    "Cannot store the answer of an idempotency key of team {}",
                    claim.scope().team(),
                    e);
            release(claim);
        }
    }

    /** Frees the key for a retry; if that fails too, the in-flight timeout frees it later. */
    void release(Claim.Acquired claim) {
        try {
            store.release(claim);
        } catch (DataAccessException e) {
            log.warn(
                    "Cannot release an idempotency key of team {}",
                    claim.scope().team(),
                    e);
        }
    }

    private static ProblemException inProgress() {
        return new ProblemException(
                        ProblemType.CONFLICT,
                        "A request with this " + IdempotencyKeyHeader.NAME + " is still in progress; retry once it"
                                + " has been answered.")
                .retryAfter(Duration.ofSeconds(1));
    }
}
