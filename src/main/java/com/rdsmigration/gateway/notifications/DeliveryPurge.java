package com.rdsmigration.gateway.notifications;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Deletes finished deliveries older than {@code gateway.webhooks.retention} every {@value #PURGE_MINUTES} minutes, in
 * bounded batches. (Sending has a thread of its own: {@link DeliveryLoop}.)
 */
@Configuration(proxyBeanMethods = false)
class DeliveryPurge implements SchedulingConfigurer {

    static final long PURGE_MINUTES = 10;
    static final int PURGE_BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(DeliveryPurge.class);

    private final DeliveryOutbox outbox;
    private final WebhookProperties properties;
    private final Clock clock;

    DeliveryPurge(DeliveryOutbox outbox, WebhookProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        Duration purge = Duration.ofMinutes(PURGE_MINUTES);
        registrar.addFixedDelayTask(new FixedDelayTask(this::purge, purge, purge));
    }

    void purge() {
        try {
            int deleted;
            int total = 0;
            do {
                deleted = outbox.purge(clock.instant().minus(properties.retention()), PURGE_BATCH);
                total += deleted;
            } while (deleted == PURGE_BATCH && total < 100 * PURGE_BATCH);
            if (total > 0) {
                log.info("Purged {} finished webhook deliveries", total);
            }
        } catch (DataAccessException e) {
            log.warn(
                    "Cannot purge finished webhook deliveries; the next run will retry: {}",
                    e.getClass().getSimpleName());
        }
    }
}
