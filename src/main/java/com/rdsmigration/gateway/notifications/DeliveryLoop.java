package com.rdsmigration.gateway.notifications;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link DeliveryWorker} on a thread of its own, not on the shared scheduler, so that slow receivers never
 * hold up the gateway's other background jobs: it claims whenever an attempt ends and frees a sending slot, and every
 * {@code gateway.webhooks.poll-interval} otherwise. On shutdown it stops claiming and waits for the attempts in
 * flight to record their outcomes (at most their connect and read timeouts), beside the web server's own graceful
 * shutdown and before the database goes away; an attempt still running then is sent again after its claim timeout.
 */
@Component
class DeliveryLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);

    private final DeliveryWorker worker;
    private final WebhookProperties properties;
    private volatile boolean running;
    private @Nullable Thread thread;

    DeliveryLoop(DeliveryWorker worker, WebhookProperties properties) {
        this.worker = worker;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        running = true;
        Thread started = new Thread(this::loop, "webhook-deliveries");
        started.setDaemon(true);
        started.start();
        thread = started;
    }

    private void loop() {
        try {
            while (running) {
                worker.awaitFreedSlot(properties.pollInterval());
                if (running) {
                    worker.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop(Runnable callback) {
        Thread stopping = thread;
        thread = null;
        running = false;
        if (stopping == null) {
            callback.run();
            return;
        }
        worker.wake();
        Thread drain = new Thread(() -> drain(stopping, callback), "webhook-deliveries-drain");
        drain.setDaemon(true);
        drain.start();
    }

    private void drain(Thread loop, Runnable callback) {
        Duration attempts = properties.connectTimeout().plus(properties.readTimeout());
        try {
            loop.join(attempts.toMillis());
            if (!worker.awaitIdle(attempts)) {
                log.warn("Stopping with webhook attempts in flight; they are sent again after their claim timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            callback.run();
        }
    }

    @Override
    public void stop() {
        CountDownLatch stopped = new CountDownLatch(1);
        stop(stopped::countDown);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped beside the web server's graceful shutdown, so that both drain at once, not one after the other. */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE;
    }
}
