package com.rdsmigration.gateway.security;

import java.util.Arrays;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a verified JWT into the same {@link Caller} an API key yields: the team from the configured claim, admin from
 * the admin scope or claim, and the token's subject as the principal (never the token itself). A token that names no
 * team becomes a {@link TeamlessJwtAuthentication}, which the authorization rules refuse with 403.
 */
final class JwtCallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties properties;

    JwtCallerConverter(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String subject = subject(jwt);
        if (!(jwt.getClaims().get(properties.teamClaim()) instanceof String team) || team.isBlank()) {
            return new TeamlessJwtAuthentication(subject, properties.teamClaim());
        }
        return new CallerAuthentication(new Caller(team, isAdmin(jwt), subject));
    }

    private static String subject(Jwt jwt) {
        String subject = jwt.getSubject();
        return subject != null && !subject.isBlank() ? subject : "jwt without subject";
    }

    private boolean isAdmin(Jwt jwt) {
        String scope = properties.adminScope();
        if (!scope.isBlank()
                && (hasScope(jwt.getClaims().get("scope"), scope)
                        || hasScope(jwt.getClaims().get("scp"), scope))) {
            return true;
        }
        String claim = properties.adminClaim();
        return claim != null && !claim.isBlank() && holds(jwt.getClaims().get(claim), properties.adminValue());
    }

    /** OAuth2 scopes come as one space-separated string ({@code scope}) or as a list ({@code scp}). */
    private static boolean hasScope(@Nullable Object scopes, String scope) {
        return scopes instanceof String text
                ? Arrays.asList(text.trim().split("\\s+")).contains(scope)
                : holds(scopes, scope);
    }

    /** Whether a claim is the value, or a list (such as {@code groups}) that holds it. */
    private static boolean holds(@Nullable Object claim, String value) {
        if (claim instanceof Collection<?> values) {
            return values.stream().anyMatch(element -> value.equals(String.valueOf(element)));
        }
        return claim != null && value.equals(claim.toString());
    }
}
