package com.rdsmigration.gateway.notifications;

import com.rdsmigration.gateway.system.MissingSettingException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Stops the {@code prod} profile before anything is built when no webhook signing secret is set, or the public demo
 * one is: with it anyone could forge the gateway's signatures. Runs after the database and caller checks.
 */
class ProdWebhookSettingsCheck implements EnvironmentPostProcessor, Ordered {

    static final String SIGNING_SECRET = "gateway.webhooks.signing-secret";
    static final String HOW =
            "Set GATEWAY_WEBHOOKS_SIGNINGSECRET to a long random value (e.g. openssl rand -hex 32), the same on every"
                    + " replica.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        String secret = environment.getProperty(SIGNING_SECRET, "").trim();
        if (secret.equals(WebhookConfiguration.DEMO_SECRET)) {
            throw new MissingSettingException(
                    SIGNING_SECRET,
                    "profile 'prod' refuses the public demo webhook signing secret: anyone could forge signatures.",
                    HOW);
        }
        if (secret.isEmpty()) {
            throw new MissingSettingException(
                    SIGNING_SECRET,
                    "profile 'prod' needs a secret to derive the webhook subscriptions' signing secrets from.",
                    HOW);
        }
    }

    /** With the callers' check (the lowest precedence), listed after it in {@code spring.factories}. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
