package com.rdsmigration.gateway.cloudmigration.tracking;

import java.time.Duration;
import java.util.Optional;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Which replica runs the tracker: the one holding the ShedLock lock {@value #NAME} in the shared database. The holder
 * renews it well before it lapses and keeps it while it lives; the others try for it on every check and get it once
 * the holder lets it go (on shutdown) or stops renewing it (it died): within one lock period of its last renewal.
 */
public class TrackerLock implements DisposableBean {

    public static final String NAME = "cloud-migration-tracker";

    private static final Logger log = LoggerFactory.getLogger(TrackerLock.class);

    private final LockProvider locks;
    private final Duration period;
    private final String replica;
    private @Nullable SimpleLock lock;
    private long renewedAt;
    private boolean closed;

    TrackerLock(LockProvider locks, Duration period, String replica) {
        this.locks = locks;
        this.period = period;
        this.replica = replica;
    }

    /** Whether this replica holds the lock now: taking it when it is free, renewing it when a third has passed. */
    public synchronized boolean hold() {
        if (closed) {
            return false;
        }
        try {
            if (lock == null) {
                lock = locks.lock(new LockConfiguration(ClockProvider.now(), NAME, period, Duration.ZERO))
                        .orElse(null);
                if (lock != null) {
                    renewedAt = System.nanoTime();
                    log.info("This replica ({}) now runs the progress tracker", replica);
                }
            } else if (System.nanoTime() - renewedAt >= period.toNanos() / 3) {
                Optional<SimpleLock> renewed = lock.extend(period, Duration.ZERO);
                lock = renewed.orElse(null);
                if (lock == null) {
                    log.warn("This replica ({}) lost the progress tracker's lock to another", replica);
                } else {
                    renewedAt = System.nanoTime();
                }
            }
            return lock != null;
        } catch (RuntimeException storeUnavailable) {
            // The lock cannot be proved held; it is renewed on a later check if it still is ours then.
            log.warn("Cannot take or renew the progress tracker's lock: {}", storeUnavailable.getMessage());
            return false;
        }
    }

    /** Whether this replica held the lock at its last check. */
    public synchronized boolean held() {
        return lock != null;
    }

    /** This replica's name in the lock row's {@code locked_by}. */
    public String replica() {
        return replica;
    }

    /** Lets the lock go at shutdown, so another replica takes over at its next check instead of a lock period later. */
    @Override
    public synchronized void destroy() {
        closed = true;
        if (lock != null) {
            try {
                lock.unlock();
                log.info("This replica ({}) stopped running the progress tracker", replica);
            } catch (RuntimeException e) {
                log.warn("Cannot release the progress tracker's lock: {}", e.getMessage());
            }
            lock = null;
        }
    }
}
