package com.rdsmigration.gateway.idempotency;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
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

    /** Claims the key for this request, in a transaction of its own, or decides it may not run. */
    Claim claim(KeyScope scope, String key, String fingerprint) {
        return decide(scope, key, () -> {
            Instant now = clock.instant();
            UUID owner = UUID.randomUUID();
            if (store.insertInFlight(scope, key, fingerprint, owner, now, now.plus(properties.retention()))) {
                return Optional.of(new Claim.Acquired(scope, key, owner));
            }
            return settled(scope, key, fingerprint);
        });
    }

    /**
     * Decides as {@link #claim} does, but by reading: a key not used yet is not written here but {@link
     * Claim.Deferred} to the transaction of the request's intent ({@link IntentClaims}), which costs no transaction.
     */
    Claim check(KeyScope scope, String key, String fingerprint) {
        return decide(scope, key, () -> {
            if (store.find(scope, key).isEmpty()) {
                return Optional.of(new Claim.Deferred(scope, key, fingerprint, clock.instant()));
            }
            return settled(scope, key, fingerprint);
        });
    }

    /** Claims a deferred key in the transaction the caller has open; 409 when another request claimed it meanwhile. */
    void claimWithIntent(Claim.Deferred deferred) {
        Claim.Acquired claim = deferred.claim();
        store.insertInFlightLater(
                claim.scope(),
                claim.key(),
                deferred.fingerprint(),
                claim.owner(),
                deferred.startedAt(),
                deferred.startedAt().plus(properties.retention()),
                IdempotencyClaims::inProgress);
    }

    private Claim decide(KeyScope scope, String key, Supplier<Optional<Claim>> round) {
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<Claim> decided = round.get();
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

    /** What a key that has a row allows; empty when the row changed under us and the round must be repeated. */
    private Optional<Claim> settled(KeyScope scope, String key, String fingerprint) {
        Instant now = clock.instant();
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
        UUID owner = UUID.randomUUID();
        boolean tookOver = store.takeOver(scope, key, found.owner(), owner, now, now.plus(properties.retention()));
        if (tookOver) {
            log.warn("Took over idempotency key of team {} abandoned since {}", scope.team(), found.startedAt());
            return Optional.of(new Claim.Acquired(scope, key, owner));
        }
        return Optional.empty();
    }

    /**
     * Settles a deferred key: as {@link #settle(Claim.Acquired, StoredAnswer)} once its intent committed; else an
     * answer worth remembering (rare: the request never reached its intent) is stored on a new row.
     */
    void settle(Claim.Deferred deferred, StoredAnswer answer) {
        if (deferred.held()) {
            settle(deferred.claim(), answer);
        } else if (AnswerPolicy.remembers(answer)) {
            Claim.Acquired claim = deferred.claim();
            try {
                Instant now = clock.instant();
                if (store.insertInFlight(
                        claim.scope(),
                        claim.key(),
                        deferred.fingerprint(),
                        claim.owner(),
                        now,
                        now.plus(properties.retention()))) {
                    settle(claim, answer);
                }
            } catch (DataAccessException e) {
                log.warn(
                        "Cannot store the answer of an idempotency key of team {}",
                        claim.scope().team(),
                        e);
            }
        }
    }

    /** Frees a deferred key, if its intent claimed it. */
    void release(Claim.Deferred deferred) {
        if (deferred.held()) {
            release(deferred.claim());
        }
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

    static ProblemException inProgress() {
        return new ProblemException(
                        ProblemType.CONFLICT,
                        "A request with this " + IdempotencyKeyHeader.NAME + " is still in progress; retry once it"
                                + " has been answered.")
                .retryAfter(Duration.ofSeconds(1));
    }
}
