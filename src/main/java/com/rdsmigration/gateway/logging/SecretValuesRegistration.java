package com.rdsmigration.gateway.logging;

import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Registers the configured secret values with {@link SecretMasking} before logging starts, so that not even a DEBUG
 * line of start-up shows one: the upstream's access key secret, security token and bearer token (as settings or as the
 * Alibaba Cloud variables the credential chain reads), the simulator's, the idempotency fingerprint key, the key that
 * seals guided migrations' source passwords and the webhooks' signing secret.
 */
class SecretValuesRegistration implements EnvironmentPostProcessor {

    static final List<String> SECRET_SETTINGS = List.of(
            "rds.auth.access-key-secret",
            "rds.auth.security-token",
            "rds.auth.bearer-token",
            "rds.simulator.access-key-secret",
            "rds.simulator.security-token",
            "rds.simulator.bearer-token",
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
            "ALIBABA_CLOUD_SECURITY_TOKEN",
            "alibabacloud.accessKeySecret",
            "alibabacloud.sessionToken",
            "DASHSCOPE_API_KEY",
            "gateway.idempotency.fingerprint-secret",
            "gateway.guided.source-password-key",
            "gateway.webhooks.signing-secret");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        for (String setting : SECRET_SETTINGS) {
            try {
                SecretMasking.register(environment.getProperty(setting));
            } catch (IllegalArgumentException unresolvable) {
                // A placeholder that cannot be resolved yet holds no value to hide; binding reports it later.
            }
        }
    }
}
