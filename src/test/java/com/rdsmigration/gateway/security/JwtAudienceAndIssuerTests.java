package com.rdsmigration.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A token is a caller only when it was issued by the configured issuer for this gateway: one with the right signature
 * and team but issued to another application (another audience) or by another issuer sharing the keys is refused as
 * a 401 problem. The context is {@link JwtCallerTests}'s.
 */
class JwtAudienceAndIssuerTests extends JwtIssuerTestBase {

    @Test
    void acceptsATokenIssuedForThisGateway() {
        String ours = token(claims -> claims.claim("team", "sso-red"));
        String oneOfOurs = token(claims -> claims.claim("team", "sso-red").audience(List.of("portal", AUDIENCE)));

        assertThat(get("/api/v1/imports", ours).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/imports", oneOfOurs).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesATokenIssuedForAnotherApplicationAsA401Problem() {
        String forThePortal = token(claims -> claims.claim("team", "sso-red").audience("portal"));

        assertRefusedAsInvalid(get("/api/v1/imports", forThePortal), forThePortal);
    }

    @Test
    void refusesATokenWithoutAnAudienceAsA401Problem() {
        String forAnyone = token(claims -> claims.claim("team", "sso-red").audience((String) null));

        assertRefusedAsInvalid(get("/api/v1/imports", forAnyone), forAnyone);
    }

    @Test
    void refusesATokenOfAnotherIssuerAsA401Problem() {
        String otherRealm =
                token(claims -> claims.claim("team", "sso-red").issuer("https://sso.example.com/realms/dev"));
        String noIssuer = token(claims -> claims.claim("team", "sso-red").issuer(null));

        assertRefusedAsInvalid(get("/api/v1/imports", otherRealm), otherRealm);
        assertRefusedAsInvalid(get("/api/v1/imports", noIssuer), noIssuer);
    }

    @Test
    void refusesAnAdminTokenForAnotherApplicationOnTheOperatorEndpoints() {
        String admin = token(claims -> claims.claim("team", "sso-ops").claim("scope", "rds-gateway:admin"));
        String adminOfThePortal = token(claims -> claims.claim("team", "sso-ops")
                .claim("scope", "rds-gateway:admin")
                .audience("portal"));

        assertThat(get("/actuator/metrics", admin).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = get("/actuator/metrics", adminOfThePortal);
        assertRefusedAsInvalid(refused, adminOfThePortal);
    }
}
