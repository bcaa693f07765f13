package com.rdsmigration.gateway.idempotency;

import com.rdsmigration.gateway.intent.IntentParticipant;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Claims the idempotency key of a request whose handler {@link com.rdsmigration.gateway.intent.CreatesIntent creates
 * an intent} in the intent's own transaction: the claim commits with the intent, before the upstream call leaves, or
 * rolls back with it. A create then costs one transaction less than a claim of its own, with the same guarantee: of
 * two concurrent requests with one key, the second's claim waits for the first's transaction and is refused (409).
 */
@Component
class IntentClaims implements IntentParticipant {

    private static final ThreadLocal<Claim.Deferred> SERVED = new ThreadLocal<>();

    private final IdempotencyClaims claims;

    IntentClaims(IdempotencyClaims claims) {
        this.claims = claims;
    }

    /** Runs the request that {@code deferred} belongs to, on this thread. */
    static void serving(Claim.Deferred deferred, Work request) throws ServletException, IOException {
        SERVED.set(deferred);
        try {
            request.run();
        } finally {
            SERVED.remove();
        }
    }

    @Override
    public void joinIntent() {
        Claim.Deferred deferred = SERVED.get();
        if (deferred == null || deferred.held()) {
            return;
        }
        claims.claimWithIntent(deferred);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deferred.committed();
            }
        });
    }

    /** A request's work. */
    interface Work {
        void run() throws ServletException, IOException;
    }
}
