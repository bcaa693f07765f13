package com.rdsmigration.gateway.idempotency;

import com.rdsmigration.gateway.settings.MissingSetting;
import com.rdsmigration.gateway.settings.ProdSettingsRule;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Profile {@code prod} keys request fingerprints with a secret of its own. The fingerprints cover source passwords:
 * with a public secret (the embedded default's, or none) anyone who reads the idempotency table could test guesses of
 * a password against them.
 */
class ProdFingerprintSettingsCheck implements ProdSettingsRule {

    static final String FINGERPRINT_SECRET = "gateway.idempotency.fingerprint-secret";

    /** The embedded default's secret (application.yaml) and the fallback of a context without any. */
    static final Set<String> PUBLIC_SECRETS =
            Set.of("demo-only-fingerprint-secret", IdempotencyConfiguration.DEVELOPMENT_SECRET);

    @Override
    public List<MissingSetting> missing(ConfigurableEnvironment environment) {
        String secret = environment.getProperty(FINGERPRINT_SECRET, "").trim();
        if (!secret.isEmpty() && !PUBLIC_SECRETS.contains(secret)) {
            return List.of();
        }
        return List.of(new MissingSetting(
                FINGERPRINT_SECRET,
                secret.isEmpty()
                        ? "profile 'prod' needs a secret to key request fingerprints, which cover source passwords."
                        : "profile 'prod' refuses the public demo fingerprint secret: fingerprints cover source"
                                + " passwords.",
                "Set GATEWAY_IDEMPOTENCY_FINGERPRINTSECRET to a long random value (e.g. openssl rand -hex 32), the"
                        + " same on every replica."));
    }
}
