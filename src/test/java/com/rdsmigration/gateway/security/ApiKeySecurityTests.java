package com.rdsmigration.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The API needs a team's key, operator endpoints an admin's; probes and docs stay open. Over real HTTP. */
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
    void keepsProbesAndApiDocsOpen() {
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
    }
}
