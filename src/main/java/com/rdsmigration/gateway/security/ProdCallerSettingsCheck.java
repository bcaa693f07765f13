package com.rdsmigration.gateway.security;

import com.rdsmigration.gateway.system.MissingSettingException;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Stops the {@code prod} profile before anything is built when nobody could call it (no API key and no JWT issuer),
 * or when the public demo keys would guard it. Runs after the database check, so each start-up names one setting.
 */
class ProdCallerSettingsCheck implements EnvironmentPostProcessor, Ordered {

    static final String API_KEYS = "gateway.security.api-keys";
    static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<SecurityProperties.ApiKey> keys = Binder.get(environment)
                .bind(API_KEYS, Bindable.listOf(SecurityProperties.ApiKey.class))
                .orElse(List.of());
        if (keys.stream().anyMatch(key -> ApiKeyRegistry.DEMO_KEY_HASHES.contains(lowercase(key.keySha256())))) {
            throw new MissingSettingException(
                    API_KEYS,
                    "profile 'prod' refuses the public demo API keys (demo-team-a-key, demo-team-b-key,"
                            + " demo-admin-key).",
                    "Replace them with the SHA-256 of your teams' own keys (printf %s \"$KEY\" | sha256sum).");
        }
        boolean jwtIssuer = Stream.of("issuer-uri", "jwk-set-uri", "public-key-location")
                .anyMatch(name -> !environment.getProperty(JWT + name, "").isBlank());
        if (keys.isEmpty() && !jwtIssuer) {
            throw new MissingSettingException(
                    API_KEYS,
                    "profile 'prod' has no caller: configure API keys, or a JWT issuer with " + JWT + "issuer-uri or "
                            + JWT + "jwk-set-uri.",
                    "Set GATEWAY_SECURITY_APIKEYS_0_TEAM and GATEWAY_SECURITY_APIKEYS_0_KEYSHA256 (and so on), or"
                            + " SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI.");
        }
    }

    private static String lowercase(String value) {
        return value == null ? "" : value.toLowerCase();
    }

    /** After {@code ProdProfileSettingsCheck}: a missing database is reported first. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
