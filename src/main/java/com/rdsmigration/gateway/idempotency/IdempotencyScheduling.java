package com.rdsmigration.gateway.idempotency;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the purge of expired keys every {@code gateway.idempotency.purge-interval}, first after one interval. */
@Configuration(proxyBeanMethods = false)
class IdempotencyScheduling implements SchedulingConfigurer {

    private final IdempotencyPurge purge;
    private final IdempotencyProperties properties;

    IdempotencyScheduling(IdempotencyPurge purge, IdempotencyProperties properties) {
        this.purge = purge;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                new FixedDelayTask(purge::run, properties.purgeInterval(), properties.purgeInterval()));
    }
}
