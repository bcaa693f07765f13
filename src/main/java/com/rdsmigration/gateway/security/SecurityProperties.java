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
 * Callers of the API ({@code gateway.security.*}).
 *
 * @param apiKeys the accepted API keys, each stored as the SHA-256 of the key, never the key itself
 * @param teamClaim the JWT claim that names a token's team
 */
@Validated
@ConfigurationProperties("gateway.security")
record SecurityProperties(
        @DefaultValue List<@Valid ApiKey> apiKeys,
        @DefaultValue("team") String teamClaim) {

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
