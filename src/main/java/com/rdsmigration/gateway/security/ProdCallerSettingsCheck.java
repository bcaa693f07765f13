package com.rdsmigration.gateway.security;

import com.rdsmigration.gateway.settings.MissingSetting;
import com.rdsmigration.gateway.settings.ProdSettingsRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Profile {@code prod} needs a caller (an API key or a JWT issuer), refuses the public demo keys, and takes JWTs only
 * with the issuer and audience that make a token this gateway's.
 */
class ProdCallerSettingsCheck implements ProdSettingsRule {

    static final String API_KEYS = "gateway.security.api-keys";
    static final String JWT = "spring.security.oauth2.resourceserver.jwt.";
    static final String ISSUER_URI = "issuer-uri";
    static final String AUDIENCES = "audiences";

    @Override
    public List<MissingSetting> missing(ConfigurableEnvironment environment) {
        List<SecurityProperties.ApiKey> keys = Binder.get(environment)
                .bind(API_KEYS, Bindable.listOf(SecurityProperties.ApiKey.class))
                .orElse(List.of());
        if (keys.stream().anyMatch(key -> ApiKeyRegistry.DEMO_KEY_HASHES.contains(lowercase(key.keySha256())))) {
            return List.of(new MissingSetting(
                    API_KEYS,
                    "profile 'prod' refuses the public demo API keys (demo-team-a-key,"
                            + " demo-team-a-reviewer-key, demo-team-b-key, demo-admin-key).",
                    "Replace them with the SHA-256 of your teams' own keys (printf %s \"$KEY\" | sha256sum)."));
        }
        boolean jwtIssuer = Stream.of(ISSUER_URI, "jwk-set-uri", "public-key-location")
                .anyMatch(name -> !environment.getProperty(JWT + name, "").isBlank());
        if (keys.isEmpty() && !jwtIssuer) {
            return List.of(new MissingSetting(
                    API_KEYS,
                    "profile 'prod' has no caller: configure API keys, or a JWT issuer with " + JWT + "issuer-uri or "
                            + JWT + "jwk-set-uri.",
                    "Set GATEWAY_SECURITY_APIKEYS_0_TEAM and GATEWAY_SECURITY_APIKEYS_0_KEYSHA256 (and so on), or"
                            + " SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI."));
        }
        return jwtIssuer ? issuerAndAudience(environment) : List.of();
    }

    /**
     * A signature proves only who issued a token, not for whom: an identity provider signs the tokens of all its
     * applications with the same keys, and any of them may carry a {@code team} claim. Spring Boot's decoder checks
     * {@code aud} only when {@code audiences} is set and {@code iss} only when {@code issuer-uri} is set (whichever way
     * the keys come: from the issuer, a {@code jwk-set-uri} or a public key; Boot 4.1's {@code JwtDecoderConfiguration}
     * adds both validators to all three), so without both a token issued to another application, or by another realm
     * sharing the keys, would be a caller here.
     */
    private static List<MissingSetting> issuerAndAudience(ConfigurableEnvironment environment) {
        List<String> missing = new ArrayList<>();
        if (environment.getProperty(JWT + ISSUER_URI, "").isBlank()) {
            missing.add(JWT + ISSUER_URI);
        }
        List<String> audiences = Binder.get(environment)
                .bind(JWT + AUDIENCES, Bindable.listOf(String.class))
                .orElse(List.of());
        if (audiences.stream().allMatch(String::isBlank)) {
            missing.add(JWT + AUDIENCES);
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(new MissingSetting(
                missing,
                "profile 'prod' accepts a JWT only from your identity provider's issuer and for this gateway's"
                        + " audience; otherwise a token issued to another application would be a caller.",
                "Set SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI to the tokens' 'iss' and"
                        + " SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES to the 'aud' value(s) your"
                        + " identity provider puts in tokens for this gateway (comma-separated)."));
    }

    private static String lowercase(String value) {
        return value == null ? "" : value.toLowerCase();
    }
}
