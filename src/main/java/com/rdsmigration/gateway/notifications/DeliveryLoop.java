package com.rdsmigration.gateway.notifications;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link DeliveryWorker} every {@code gateway.webhooks.poll-interval} on a thread of its own, not on the
 * shared scheduler, so that slow receivers never hold up the gateway's other background jobs. Stops before the
 * database goes away.
 */
@Component
class DeliveryLoop implements SmartLifecycle {

    private final DeliveryWorker worker;
    private final WebhookProperties properties;
    private @Nullable ScheduledExecutorService executor;

    DeliveryLoop(DeliveryWorker worker, WebhookProperties properties) {
        this.worker = worker;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-deliveries");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        started.scheduleWithFixedDelay(worker::run, interval, interval, TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
