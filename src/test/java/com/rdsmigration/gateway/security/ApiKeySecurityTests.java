package com.rdsmigration.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The API needs a team's key, operator endpoints (metrics, env, prometheus) an admin's; probes and docs stay open, and
 * the docs offer both ways to authenticate. Over real HTTP.
 */
@IntegrationTest
class ApiKeySecurityTests {

    @LocalServerPort
    int port;

    HttpResponse<String> get(String path, String apiKey) {
        HttpTestClient http = new HttpTestClient(port);
        var request = http.request(path).GET();
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return http.send(request.build());
    }

    @Test
    void refusesTheApiWithoutAKeyAsA401Problem() {
        HttpResponse<String> response = get("/api/v1/imports", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("X-API-Key"));
        assertThat(HttpTestClient.json(response).path("type").asString())
                .isEqualTo("urn:rds-migration-gateway:problem:unauthenticated");
    }

    @Test
    void refusesAWrongKeyAsA401ProblemWithoutEchoingIt() {
        HttpResponse<String> response = get("/api/v1/imports", "demo-team-a-key-but-wrong");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("demo-team-a-key-but-wrong");
        assertThat(HttpTestClient.json(response).path("detail").asString()).isEqualTo("The X-API-Key is not valid.");
    }

    @Test
    void letsAValidKeyThrough() {
        assertThat(get("/api/v1/no-such-resource", "demo-team-a-key").statusCode())
                .isEqualTo(404);
    }

    @Test
    void opensOperatorEndpointsToAdminsOnly() {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        HttpResponse<String> team = get("/actuator/prometheus", "demo-team-b-key");
        assertThat(team.statusCode()).isEqualTo(403);
        assertThat(HttpTestClient.json(team).path("type").asString())
                .isEqualTo("urn:rds-migration-gateway:problem:forbidden");
        assertThat(get("/actuator/prometheus", "demo-admin-key").statusCode()).isEqualTo(200);
    }

    @Test
    void servesMetricsAndEnvToAdminsOnly() {
        for (String endpoint : List.of("/actuator/metrics", "/actuator/env")) {
            HttpResponse<String> team = get(endpoint, "demo-team-a-key");
            assertThat(team.statusCode()).as(endpoint).isEqualTo(403);
            assertThat(team.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(HttpTestClient.json(team).path("type").asString())
                    .isEqualTo("urn:rds-migration-gateway:problem:forbidden");
            assertThat(get(endpoint, null).statusCode()).as(endpoint).isEqualTo(401);
            assertThat(get(endpoint, "demo-admin-key").statusCode())
                    .as(endpoint)
                    .isEqualTo(200);
        }
    }

    @Test
    void showsTheEnvironmentsKeysButNeverItsValues() {
        HttpResponse<String> env = get("/actuator/env", "demo-admin-key");

        assertThat(env.body())
                .contains("gateway.idempotency.fingerprint-secret", "gateway.guided.source-password-key", "******")
                .doesNotContain(
                        "demo-only-fingerprint-secret",
                        "ZGVtby1vbmx5LXNvdXJjZS1wYXNzd29yZC1rZXktMzI=",
                        "simulator-secret");
    }

    @Test
    void keepsProbesAndApiDocsOpen() {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
        assertThat(get("/swagger-ui.html", null).statusCode()).isIn(200, 302);
    }

    @Test
    void showsHealthComponentsToAdminsOnlyAndTheProbesStatusToAnyone() {
        JsonNode anonymous = HttpTestClient.json(get("/actuator/health", null));
        JsonNode team = HttpTestClient.json(get("/actuator/health", "demo-team-a-key"));
        JsonNode admin = HttpTestClient.json(get("/actuator/health", "demo-admin-key"));

        assertThat(anonymous.path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.has("components")).as(anonymous.toString()).isFalse();
        assertThat(team.has("components")).as(team.toString()).isFalse();
        assertThat(admin.path("components").path("db").path("status").asString())
                .as(admin.toString())
                .isEqualTo("UP");
        assertThat(admin.path("components").path("db").has("details")).isTrue();
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> answer = get(probe, null);
            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(HttpTestClient.json(answer).path("status").asString()).isEqualTo("UP");
            assertThat(HttpTestClient.json(answer).has("components")).as(probe).isFalse();
        }
    }

    @Test
    void declaresTheApiKeyAndTheBearerJwtAsAlternativeSchemes() {
        JsonNode docs = HttpTestClient.json(get("/v3/api-docs", null));

        JsonNode schemes = docs.path("components").path("securitySchemes");
        assertThat(schemes.path("apiKey").path("type").asString()).isEqualTo("apiKey");
        assertThat(schemes.path("apiKey").path("name").asString()).isEqualTo("X-API-Key");
        assertThat(schemes.path("bearerAuth").path("type").asString()).isEqualTo("http");
        assertThat(schemes.path("bearerAuth").path("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.path("bearerAuth").path("bearerFormat").asString()).isEqualTo("JWT");
        // Two requirements of one scheme each: either will do.
        List<String> alternatives = new ArrayList<>();
        docs.path("security").forEach(requirement -> alternatives.add(String.join("+", requirement.propertyNames())));
        assertThat(alternatives).containsExactlyInAnyOrder("apiKey", "bearerAuth");
    }
}
