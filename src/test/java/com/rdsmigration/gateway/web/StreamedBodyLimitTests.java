package com.rdsmigration.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bodies without a Content-Length (chunked) are cut off at the limit while they are read, over real HTTP, by an
 * endpoint of the API that reads a JSON body (in the shared test application, not one of its own with an echo
 * endpoint).
 */
@IntegrationTest
class StreamedBodyLimitTests {

    @LocalServerPort
    int port;

    @Test
    void refusesAChunkedBodyThatGrowsPastTheLimit() {
        byte[] body = ("{\"padding\":\"" + "x".repeat(10 * 1024 * 1024 + 512 * 1024) + "\"}").getBytes();
        HttpTestClient http = new HttpTestClient(port);
        HttpResponse<String> response = http.send(http.request("/api/v1/imports")
                .header("Content-Type", "application/json")
                .header("X-API-Key", "demo-team-a-key")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void answersMalformedJsonWith400ProblemOverRealHttp() {
        HttpTestClient http = new HttpTestClient(port);
        HttpResponse<String> response = http.send(http.request("/api/v1/imports")
                .header("Content-Type", "application/json")
                .header("X-API-Key", "demo-team-a-key")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\": [1, 2"))
                .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(HttpTestClient.json(response).path("type").asString())
                .isEqualTo("urn:rds-migration-gateway:problem:malformed-request");
    }
}
