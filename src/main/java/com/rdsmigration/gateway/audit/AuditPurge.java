package com.rdsmigration.gateway.audit;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes audit events older than {@code gateway.audit.retention}, a batch at a time. */
@Component
class AuditPurge {

    private static final Logger log = LoggerFactory.getLogger(AuditPurge.class);

    private final AuditStore store;
    private final AuditProperties properties;
    private final Clock clock;

    AuditPurge(AuditStore store, AuditProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${gateway.audit.purge-interval:1h}",
            initialDelayString = "${gateway.audit.purge-interval:1h}")
    void periodically() {
        purge();
    }

    /** Answers how many events it deleted. */
    int purge() {
        var cutoff = clock.instant().minus(properties.retention());
        int total = 0;
        int deleted;
        do {
            deleted = store.purgeBefore(cutoff, properties.purgeBatchSize());
            total += deleted;
        } while (deleted == properties.purgeBatchSize());
        if (total > 0) {
            log.info("Purged {} audit events older than {}", total, cutoff);
        }
        return total;
    }
}
