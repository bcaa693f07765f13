package com.rdsmigration.gateway.notifications;

import com.rdsmigration.gateway.settings.MissingSettingException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the webhook parts from {@code gateway.webhooks.*}. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    /** The embedded default's secret, public in application.yaml. */
    static final String DEMO_SECRET = "demo-only-webhook-signing-secret";

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    @Bean
    WebhookSigner webhookSigner(WebhookProperties properties) {
        String secret = properties.signingSecret();
        if (secret == null || secret.isBlank()) {
            throw new MissingSettingException(
                    ProdWebhookSettingsCheck.SIGNING_SECRET,
                    "webhook signing secrets are derived from it, and it is empty.",
                    "Set GATEWAY_WEBHOOKS_SIGNINGSECRET to a long random value, the same on every replica.");
        }
        if (secret.equals(DEMO_SECRET)) {
            log.warn("gateway.webhooks.signing-secret is the public demo value: anyone can forge webhook signatures."
                    + " Set GATEWAY_WEBHOOKS_SIGNINGSECRET for any real use.");
        }
        return new WebhookSigner(secret);
    }

    @Bean
    WebhookUrlPolicy webhookUrlPolicy(WebhookProperties properties) {
        return new WebhookUrlPolicy(properties.allowedHosts(), properties.allowHttp(), InetAddress::getAllByName);
    }

    @Bean(destroyMethod = "close")
    WebhookSender webhookSender(WebhookUrlPolicy policy, WebhookProperties properties) {
        return new WebhookSender(
                policy, properties.connectTimeout(), properties.readTimeout(), properties.concurrency());
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService webhookSenders(WebhookProperties properties) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    DeliveryWorker deliveryWorker(
            DeliveryClaims claims,
            DeliveryAttempt attempt,
            WebhookProperties properties,
            ExecutorService webhookSenders,
            Clock clock) {
        return new DeliveryWorker(claims, attempt, properties, webhookSenders, clock);
    }
}
