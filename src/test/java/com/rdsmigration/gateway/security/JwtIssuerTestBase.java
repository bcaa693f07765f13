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
import java.util.function.UnaryOperator;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A gateway that accepts the JWTs of an issuer stood up here: its RSA key signs the tokens, and its JWK set is served
 * on localhost before the gateway starts. The gateway is set up as docs/configuration.md asks for production: the keys from
 * {@code jwk-set-uri}, and the tokens' issuer and audience checked. Every subclass shares one application context (the
 * same property source method) and the one issuer, which lives as long as the test JVM.
 */
@IntegrationTest
abstract class JwtIssuerTestBase {

    static final String ISSUER_URI = "https://sso.example.com/realms/ops";
    static final String AUDIENCE = "rds-migration-gateway";

    static final RSAKey ISSUER_KEY = rsaKey("issuer-key");
    /** Another key under the same key id: its signatures must not verify. */
    static final RSAKey FORGER_KEY = rsaKey("issuer-key");

    static final HttpServer ISSUER = serveJwkSet(new JWKSet(ISSUER_KEY.toPublicJWK()));

    @DynamicPropertySource
    static void jwtIssuer(DynamicPropertyRegistry registry) {
        String jwt = "spring.security.oauth2.resourceserver.jwt.";
        registry.add(
                jwt + "jwk-set-uri",
                () -> "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/jwks");
        registry.add(jwt + "issuer-uri", () -> ISSUER_URI);
        registry.add(jwt + "audiences", () -> AUDIENCE);
        registry.add("gateway.security.admin-claim", () -> "groups");
        registry.add("gateway.security.admin-value", () -> "rds-gateway-admins");
        for (String team : new String[] {"sso-red", "sso-blue", "sso-green"}) {
            registry.add("gateway.teams." + team + ".instances[0]", () -> "rm-" + team + "-*");
        }
    }

    @LocalServerPort
    int port;

    static void assertRefusedAsInvalid(HttpResponse<String> refused, String token) {
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        JsonNode problem = json(refused);
        assertThat(problem.path("type").asString()).isEqualTo("urn:rds-migration-gateway:problem:unauthenticated");
        assertThat(problem.path("detail").asString()).startsWith("The bearer token is not valid");
        assertThat(refused.body()).doesNotContain(token);
    }

    HttpResponse<String> get(String path, String token) {
        return send(new HttpTestClient(port).request(path).GET(), token);
    }

    HttpResponse<String> post(String path, String body, String token) {
        return send(
                new HttpTestClient(port)
                        .request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return new HttpTestClient(port).send(request.build());
    }

    static JsonNode json(HttpResponse<String> response) {
        return HttpTestClient.json(response);
    }

    /** A token of the test issuer for this gateway: subject, issued now, valid for five minutes, plus {@code claims}. */
    static String token(UnaryOperator<JWTClaimsSet.Builder> claims) {
        return sign(ISSUER_KEY, claims.apply(claims()).build());
    }

    static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER_URI)
                .audience(AUDIENCE)
                .subject("sso-user@example.com")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static RSAKey rsaKey(String keyId) {
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
