package com.rdsmigration.gateway.idempotency;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Deletes expired keys in bounded batches, each its own short statement, so a purge never locks the table for long;
 * one run stops after {@value #MAX_BATCHES_PER_RUN} batches and leaves the rest to the next. Replicas may purge at
 * the same time: they just delete nothing twice.
 */
@Component
class IdempotencyPurge {

    static final int MAX_BATCHES_PER_RUN = 100;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final IdempotencyStore store;
    private final Clock clock;
    private final int batchSize;

    @Autowired
    IdempotencyPurge(IdempotencyStore store, Clock clock, IdempotencyProperties properties) {
        this(store, clock, properties.purgeBatchSize());
    }

    IdempotencyPurge(IdempotencyStore store, Clock clock, int batchSize) {
        this.store = store;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Deletes keys expired by now; answers how many. */
    int purgeExpired() {
        Instant now = clock.instant();
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int deleted = store.purgeExpired(now, batchSize);
            total += deleted;
            if (deleted < batchSize) {
                break;
            }
        }
        if (total > 0) {
            log.info("Purged {} expired idempotency keys", total);
        }
        return total;
    }

    /** The scheduled run: a database outage is logged and the next run tries again. */
    void run() {
        try {
            purgeExpired();
        } catch (DataAccessException e) {
            log.warn("Cannot purge expired idempotency keys; the next run will retry", e);
        }
    }
}
