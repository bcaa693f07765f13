package com.rdsmigration.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.SecurityHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every answer carries the security headers, once each: API answers and their problems (401, 404, 413; the 429 in
 * RequestRateLimitTests), the simulator's endpoints, and Swagger UI, which still loads. Over real HTTP.
 */
@IntegrationTest
class SecurityHeadersTests {

    @LocalServerPort
    int port;

    GatewayApi teamA;
    HttpTestClient http;

    @BeforeEach
    void setUp() {
        teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        http = new HttpTestClient(port);
    }

    @Test
    void putsThemOnA200ApiAnswer() {
        HttpResponse<String> response = teamA.get("/api/v1/imports");

        assertThat(response.statusCode()).isEqualTo(200);
        SecurityHeaders.assertOnApiAnswer(response);
    }

    @Test
    void putsThemOnA401Problem() {
        HttpResponse<String> response = new GatewayApi(port, null).get("/api/v1/imports");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        SecurityHeaders.assertOnApiAnswer(response);
    }

    @Test
    void putsThemOnA404Problem() {
        HttpResponse<String> response = teamA.get("/api/v1/imports/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        SecurityHeaders.assertOnApiAnswer(response);
    }

    @Test
    void putsThemOnA413ProblemGivenBeforeSpringSecurity() {
        HttpResponse<String> response = http.send(http.request("/api/v1/imports")
                .header("Content-Type", "application/json")
                .header("X-API-Key", GatewayApi.TEAM_A)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024 + 1]))
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        SecurityHeaders.assertOnApiAnswer(response);
    }

    @Test
    void putsThemOnTheSimulatorsAnswers() {
        HttpResponse<String> calls = http.get("/rds-simulator/_control/calls");
        HttpResponse<String> rpc = http.get("/?Action=DescribeCloudMigrationResult");

        assertThat(calls.statusCode()).isEqualTo(200);
        SecurityHeaders.assertOnApiAnswer(calls);
        assertThat(rpc.statusCode()).as("unsigned, so refused by the simulator").isBetween(400, 499);
        SecurityHeaders.assertOnApiAnswer(rpc);
    }

    @Test
    void keepsSwaggerUiAndTheApiDocsLoading() {
        HttpResponse<String> index = http.get("/swagger-ui/index.html");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        SecurityHeaders.assertOnEveryAnswer(index);
        assertThat(index.headers().firstValue("Content-Security-Policy"))
                .as("Swagger UI runs scripts and styles of its own")
                .isEmpty();
        assertThat(index.body()).contains("swagger-ui-bundle.js", "swagger-initializer.js");

        assertAsset("/swagger-ui/swagger-ui-bundle.js", "javascript");
        assertAsset("/swagger-ui/swagger-initializer.js", "javascript");
        assertAsset("/swagger-ui/swagger-ui.css", "text/css");
        assertAsset("/swagger-ui/index.css", "text/css");
        assertThat(http.get("/swagger-ui.html").statusCode())
                .as("redirects to the index")
                .isEqualTo(302);

        HttpResponse<String> docs = http.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        SecurityHeaders.assertOnApiAnswer(docs);
        assertThat(http.get("/v3/api-docs/swagger-config").statusCode()).isEqualTo(200);
    }

    void assertAsset(String path, String contentType) {
        HttpResponse<String> asset = http.get(path);
        assertThat(asset.statusCode()).as(path).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains(contentType));
        SecurityHeaders.assertOnEveryAnswer(asset);
    }
}
