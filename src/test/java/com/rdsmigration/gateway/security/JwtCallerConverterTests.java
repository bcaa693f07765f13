package com.rdsmigration.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** How a token's claims become a caller: team, administrator, principal. */
class JwtCallerConverterTests {

    static final SecurityProperties DEFAULTS =
            new SecurityProperties(List.of(), "team", "rds-gateway:admin", null, "true");

    @Test
    void takesTheTeamFromTheTeamClaimAndThePrincipalFromTheSubject() {
        Caller caller = caller(DEFAULTS, Map.of("team", "team-a"));

        assertThat(caller).isEqualTo(new Caller("team-a", false, "alice"));
    }

    @Test
    void readsTheTeamFromTheConfiguredClaim() {
        SecurityProperties tenant = new SecurityProperties(List.of(), "tenant", "rds-gateway:admin", null, "true");

        assertThat(caller(tenant, Map.of("tenant", "team-b")).team()).isEqualTo("team-b");
        assertThat(convert(tenant, Map.of("team", "team-b"))).isInstanceOf(TeamlessJwtAuthentication.class);
    }

    @Test
    void makesAnAdministratorByScopeInEitherForm() {
        assertThat(caller(DEFAULTS, Map.of("team", "ops", "scope", "openid rds-gateway:admin"))
                        .admin())
                .isTrue();
        assertThat(caller(DEFAULTS, Map.of("team", "ops", "scp", List.of("rds-gateway:admin")))
                        .admin())
                .isTrue();
        assertThat(caller(DEFAULTS, Map.of("team", "ops", "scope", "openid rds-gateway:admin-not"))
                        .admin())
                .isFalse();
    }

    @Test
    void makesAnAdministratorByTheConfiguredClaimOnly() {
        SecurityProperties groups = new SecurityProperties(List.of(), "team", "", "groups", "rds-admins");

        assertThat(caller(groups, Map.of("team", "ops", "groups", List.of("staff", "rds-admins")))
                        .admin())
                .isTrue();
        assertThat(caller(groups, Map.of("team", "ops", "groups", "rds-admins")).admin())
                .isTrue();
        assertThat(caller(groups, Map.of("team", "ops", "groups", "staff rds-admins"))
                        .admin())
                .isFalse();
        assertThat(caller(groups, Map.of("team", "ops", "scope", "rds-gateway:admin"))
                        .admin())
                .as("blank admin-scope turns scopes off")
                .isFalse();
        assertThat(caller(DEFAULTS, Map.of("team", "ops", "groups", List.of("rds-admins")))
                        .admin())
                .as("no admin-claim configured")
                .isFalse();
    }

    @Test
    void leavesATokenWithoutATeamWithoutAnyRole() {
        AbstractAuthenticationToken teamless = convert(DEFAULTS, Map.of("team", " ", "scope", "rds-gateway:admin"));

        assertThat(teamless).isInstanceOf(TeamlessJwtAuthentication.class);
        assertThat(teamless.getAuthorities()).isEmpty();
        assertThat(teamless.isAuthenticated()).isTrue();
        assertThat(teamless.getName()).isEqualTo("alice");
    }

    private static Caller caller(SecurityProperties properties, Map<String, Object> claims) {
        return ((CallerAuthentication) convert(properties, claims)).getPrincipal();
    }

    private static AbstractAuthenticationToken convert(SecurityProperties properties, Map<String, Object> claims) {
        Jwt jwt = Jwt.withTokenValue("header.payload.signature")
                .header("alg", "RS256")
                .subject("alice")
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z"))
                .claims(all -> all.putAll(claims))
                .build();
        return new JwtCallerConverter(properties).convert(jwt);
    }
}
