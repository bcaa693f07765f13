package com.rdsmigration.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Single sign-on callers, against a JWT issuer stood up here: its RSA key signs the tokens, and its JWK set is served
 * on localhost before the gateway starts. A token becomes the same team-scoped caller as an API key; a bad token is a
 * 401 problem, a token without a team a 403 one; API keys keep working alongside.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class JwtCallerTests {

    static final RSAKey ISSUER_KEY = rsaKey("issuer-key");
    /** Another key under the same key id: its signatures must not verify. */
    static final RSAKey FORGER_KEY = rsaKey("issuer-key");

    static final HttpServer ISSUER = serveJwkSet(new JWKSet(ISSUER_KEY.toPublicJWK()));

    @DynamicPropertySource
    static void jwtIssuer(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/jwks");
        registry.add("gateway.security.admin-claim", () -> "groups");
        registry.add("gateway.security.admin-value", () -> "rds-gateway-admins");
        for (String team : new String[] {"sso-red", "sso-blue", "sso-green"}) {
            registry.add("gateway.teams." + team + ".instances[0]", () -> "rm-" + team + "-*");
        }
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.stop(0);
    }

    @LocalServerPort
    int port;

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

    private static void assertRefusedAsInvalid(HttpResponse<String> refused, String token) {
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        JsonNode problem = json(refused);
        assertThat(problem.path("type").asString()).isEqualTo("urn:rds-migration-gateway:problem:unauthenticated");
        assertThat(problem.path("detail").asString()).startsWith("The bearer token is not valid");
        assertThat(refused.body()).doesNotContain(token);
    }

    private HttpResponse<String> get(String path, String token) {
        return send(new HttpTestClient(port).request(path).GET(), token);
    }

    private HttpResponse<String> post(String path, String body, String token) {
        return send(
                new HttpTestClient(port)
                        .request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return new HttpTestClient(port).send(request.build());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return HttpTestClient.json(response);
    }

    private static List<String> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json(page).path("items").findValuesAsString("id");
    }

    /** A token of the test issuer: subject, issued now, valid for five minutes, plus {@code claims}. */
    private static String token(UnaryOperator<JWTClaimsSet.Builder> claims) {
        return sign(ISSUER_KEY, claims.apply(claims()).build());
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject("sso-user@example.com")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer's JWK set endpoint on a free local port, up before the gateway's context starts. */
    private static HttpServer serveJwkSet(JWKSet keys) {
        byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
