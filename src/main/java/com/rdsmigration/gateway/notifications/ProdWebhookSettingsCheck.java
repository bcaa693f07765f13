package com.rdsmigration.gateway.notifications;

import com.rdsmigration.gateway.settings.MissingSetting;
import com.rdsmigration.gateway.settings.ProdSettingsRule;
import java.util.List;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Profile {@code prod} needs a webhook signing secret of its own: with none, or the public demo one, anyone could forge
 * the gateway's signatures.
 */
class ProdWebhookSettingsCheck implements ProdSettingsRule {

    static final String SIGNING_SECRET = "gateway.webhooks.signing-secret";
    static final String HOW =
            "Set GATEWAY_WEBHOOKS_SIGNINGSECRET to a long random value (e.g. openssl rand -hex 32), the same on every"
                    + " replica.";

    @Override
    public List<MissingSetting> missing(ConfigurableEnvironment environment) {
        String secret = environment.getProperty(SIGNING_SECRET, "").trim();
        if (secret.equals(WebhookConfiguration.DEMO_SECRET)) {
            return List.of(new MissingSetting(
                    SIGNING_SECRET,
                    "profile 'prod' refuses the public demo webhook signing secret: anyone could forge signatures.",
                    HOW));
        }
        if (secret.isEmpty()) {
            return List.of(new MissingSetting(
                    SIGNING_SECRET,
                    "profile 'prod' needs a secret to derive the webhook subscriptions' signing secrets from.",
                    HOW));
        }
        return List.of();
    }
}
