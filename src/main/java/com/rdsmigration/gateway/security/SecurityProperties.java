package com.rdsmigration.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Callers of the API ({@code gateway.security.*}): API keys, and the claims read from a JWT when single sign-on is on.
 *
 * <p>JWT callers are on when Spring Boot's resource server is configured, i.e.
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri} is set; API keys keep working
 * alongside. A token must name its team in {@code team-claim}, else it is refused with 403. It is an administrator's
 * when its scopes ({@code scope} or {@code scp}) include {@code admin-scope}, or when {@code admin-claim} is set and
 * that claim equals (or, for a list such as {@code groups} or {@code roles}, contains) {@code admin-value}.
 *
 * @param apiKeys the accepted API keys, each stored as the SHA-256 of the key, never the key itself
 * @param teamClaim the JWT claim (a string) that names a token's team
 * @param adminScope the scope that makes a token an administrator's; blank turns scope-based admin off
 * @param adminClaim a JWT claim that can make a token an administrator's (e.g. {@code groups}); unset by default
 * @param adminValue the value of {@code admin-claim} (or one of its values) that marks an administrator
 */
@Validated
@ConfigurationProperties("gateway.security")
record SecurityProperties(
        @DefaultValue List<@Valid ApiKey> apiKeys,
        @DefaultValue("team") @NotBlank String teamClaim,
        @DefaultValue("rds-gateway:admin") String adminScope,
        @Nullable String adminClaim,
        @DefaultValue("true") String adminValue) {

    /**
     * One API key.
     *
     * @param name how the key appears in logs and the audit trail (defaults to {@code <team>-key})
     * @param team the team the key acts for
     * @param keySha256 lowercase hex SHA-256 of the key ({@code printf %s "$KEY" | sha256sum})
     * @param admin whether the key sees every team's tasks and the operator endpoints
     */
    record ApiKey(
            @Nullable String name,
            @NotBlank String team,

            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex characters (a SHA-256)")
            String keySha256,

            boolean admin) {

        String displayName() {
            return name != null && !name.isBlank() ? name : team + "-key";
        }
    }
}
