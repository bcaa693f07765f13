package com.rdsmigration.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.HttpTestClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Single sign-on callers, against the JWT issuer of {@link JwtIssuerTestBase}. A token becomes the same team-scoped
 * caller as an API key; a bad token is a 401 problem, a token without a team a 403 one; API keys keep working alongside.
 */
@ExtendWith(OutputCaptureExtension.class)
class JwtCallerTests extends JwtIssuerTestBase {

    @Test
    void aTeamTokenCreatesAndListsItsOwnImportsAndNotAnotherTeams() {
        String red = token(claims -> claims.subject("alice@example.com").claim("team", "sso-red"));
        String blue = token(claims -> claims.subject("bob@example.com").claim("team", "sso-blue"));

        HttpResponse<String> created = post("/api/v1/imports", GatewayApi.newImport("sso-red"), red);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();
        assertThat(json(created).path("team").asString()).isEqualTo("sso-red");
        assertThat(get("/api/v1/imports/" + id, red).statusCode()).isEqualTo(200);
        assertThat(ids(get("/api/v1/imports?size=200", red))).contains(id);
        assertThat(json(get("/api/v1/imports?size=200", red)).path("items").findValuesAsString("team"))
                .containsOnly("sso-red");

        assertThat(get("/api/v1/imports/" + id, blue).statusCode()).isEqualTo(404);
        assertThat(ids(get("/api/v1/imports?size=200", blue))).doesNotContain(id);
    }

    @Test
    void recordsTheTokensSubjectAsThePrincipalNeverTheToken() {
        String green = token(claims -> claims.subject("carol@example.com").claim("team", "sso-green"));
        assertThat(post("/api/v1/imports", GatewayApi.newImport("sso-green"), green)
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> events = get("/api/v1/audit-events?size=200", green);

        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(json(events).path("items").findValuesAsString("principal")).containsOnly("carol@example.com");
        assertThat(events.body()).doesNotContain(green);
    }

    @Test
    void anAdminTokenSeesEveryTeamsImports() {
        String red = token(claims -> claims.claim("team", "sso-red"));
        String blue = token(claims -> claims.claim("team", "sso-blue"));
        String redImport = json(post("/api/v1/imports", GatewayApi.newImport("sso-red"), red))
                .path("id")
                .asString();
        String blueImport = json(post("/api/v1/imports", GatewayApi.newImport("sso-blue"), blue))
                .path("id")
                .asString();
        String byScope = token(claims -> claims.claim("team", "sso-ops").claim("scope", "openid rds-gateway:admin"));
        String byGroup = token(
                claims -> claims.claim("team", "sso-ops").claim("groups", List.of("staff", "rds-gateway-admins")));

        for (String admin : List.of(byScope, byGroup)) {
            assertThat(ids(get("/api/v1/imports?size=200", admin))).contains(redImport, blueImport);
            assertThat(get("/api/v1/imports/" + blueImport, admin).statusCode()).isEqualTo(200);
            assertThat(get("/actuator/metrics", admin).statusCode()).isEqualTo(200);
        }
        assertThat(get("/actuator/metrics", red).statusCode()).isEqualTo(403);
    }

    @Test
    void refusesAnExpiredTokenAsA401Problem() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String expired = token(claims -> claims.claim("team", "sso-red")
                .issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))));

        assertRefusedAsInvalid(get("/api/v1/imports", expired), expired);
    }

    @Test
    void refusesATokenSignedWithAnotherKeyAsA401Problem() {
        String forged = sign(FORGER_KEY, claims().claim("team", "sso-red").build());

        assertRefusedAsInvalid(get("/api/v1/imports", forged), forged);
    }

    @Test
    void refusesAMalformedTokenAsA401Problem() {
        assertRefusedAsInvalid(get("/api/v1/imports", "not.a.jwt"), "not.a.jwt");
    }

    @Test
    void refusesAValidTokenWithoutATeamAsA403Problem() {
        String teamless = token(claims -> claims.claim("scope", "openid rds-gateway:admin"));

        HttpResponse<String> refused = get("/api/v1/imports", teamless);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(refused).path("type").asString()).isEqualTo("urn:rds-migration-gateway:problem:forbidden");
        assertThat(json(refused).path("detail").asString()).contains("'team' claim");
        assertThat(get("/actuator/metrics", teamless).statusCode()).isEqualTo(403);
    }

    @Test
    void neverLogsOrEchoesARefusedToken(CapturedOutput logs) {
        String forged = sign(FORGER_KEY, claims().claim("team", "sso-red").build());
        String teamless = token(claims -> claims);

        HttpResponse<String> first = get("/api/v1/imports", forged);
        HttpResponse<String> second = get("/api/v1/imports", teamless);

        assertThat(first.body() + second.body()).doesNotContain(forged).doesNotContain(teamless);
        assertThat(logs.getAll()).doesNotContain(forged).doesNotContain(teamless);
    }

    @Test
    void acceptsApiKeysAlongsideTokens() {
        GatewayApi teamA = new GatewayApi(port, GatewayApi.TEAM_A);

        assertThat(teamA.get("/api/v1/imports").statusCode()).isEqualTo(200);
        assertThat(teamA.as(GatewayApi.ADMIN).get("/actuator/metrics").statusCode())
                .isEqualTo(200);

        HttpResponse<String> anonymous = get("/api/v1/imports", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate"))
                .anySatisfy(challenge -> assertThat(challenge).contains("X-API-Key"))
                .anySatisfy(challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(json(anonymous).path("detail").asString()).contains("X-API-Key", "Bearer");
    }

    @Test
    void leavesBearerTokensOnTheSimulatorToTheSimulator() {
        HttpResponse<String> answer = send(
                new HttpTestClient(port)
                        .request("/?Action=DescribeDBInstances&RegionId=cn-hangzhou")
                        .POST(HttpRequest.BodyPublishers.noBody()),
                "not.a.jwt");

        assertThat(answer.body()).contains("InvalidBearerToken");
        assertThat(answer.headers().firstValue("Content-Type")).isNotEqualTo("application/problem+json");
    }

    private static List<String> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json(page).path("items").findValuesAsString("id");
    }
}
