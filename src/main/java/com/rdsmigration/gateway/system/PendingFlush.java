package com.rdsmigration.gateway.system;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.springframework.core.Ordered;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends what still waits in one transaction just before it commits, first of all the transaction's synchronizations,
 * and lets that last round trip carry the commit itself when nothing can still need to roll it back. Keeps the waiting
 * statements bound to their own transaction when another starts inside it.
 */
final class PendingFlush implements TransactionSynchronization {

    /** Whether a kind of synchronization does anything before the commit (and so might still write). */
    private static final ClassValue<Boolean> ACTS_BEFORE_COMMIT = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return overrides(type, "beforeCommit", boolean.class) || overrides(type, "beforeCompletion");
        }
    };

    private final Object key;
    private final List<PipelinedStatement> pending;
    private final RoundTrips trips;

    /** {@code pending} is bound under {@code key} while its transaction is the current one. */
    PendingFlush(Object key, List<PipelinedStatement> pending, RoundTrips trips) {
        this.key = key;
        this.pending = pending;
        this.trips = trips;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        if (!pending.isEmpty()) {
            List<PipelinedStatement> trip = new ArrayList<>(pending);
            pending.clear();
            trips.send(trip, mayCommitWith(trip));
        }
    }

    /**
     * Whether the last round trip may carry the commit, so that the rows it locks are held for no further round trip:
     * when none of its statements needs to be able to roll it back, no other synchronization of the transaction acts
     * before the commit (one that only hears of it afterwards may stay), and no JPA session holds changes it would
     * write after this trip (the driver's own commit then finds nothing left to commit).
     */
    private boolean mayCommitWith(List<PipelinedStatement> trip) {
        if (trip.stream().anyMatch(PipelinedStatement::vetoes)) {
            return false;
        }
        for (TransactionSynchronization other : TransactionSynchronizationManager.getSynchronizations()) {
            if (other != this && ACTS_BEFORE_COMMIT.get(other.getClass())) {
                return false;
            }
        }
        for (Object resource :
                TransactionSynchronizationManager.getResourceMap().values()) {
            if (resource instanceof EntityManagerHolder holder
                    && holder.getEntityManager().unwrap(Session.class).isDirty()) {
                return false;
            }
        }
        return true;
    }

    private static boolean overrides(Class<?> type, String method, Class<?>... parameters) {
        try {
            return type.getMethod(method, parameters).getDeclaringClass() != TransactionSynchronization.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResource(key);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(key, pending);
    }

    @Override
    public void afterCompletion(int status) {
        pending.clear();
        TransactionSynchronizationManager.unbindResourceIfPossible(key);
    }
}
