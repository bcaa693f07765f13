package com.rdsmigration.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The API description tells Swagger UI readers about Idempotency-Key exactly where the filter applies it. */
@IntegrationTest
class IdempotencyOpenApiTests {

    @LocalServerPort
    int port;

    JsonNode docs() {
        return HttpTestClient.json(new HttpTestClient(port).get("/v3/api-docs"));
    }

    static JsonNode keyParameter(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if ("Idempotency-Key".equals(parameter.path("name").asString())) {
                return parameter;
            }
        }
        return null;
    }

    @Test
    void documentsTheOptionalHeaderAndItsAnswersOnEveryApiPost() {
        JsonNode paths = docs().path("paths");

        for (String path : new String[] {"/api/v1/imports", "/api/v1/imports/{id}/cancel"}) {
            JsonNode post = paths.path(path).path("post");
            JsonNode parameter = keyParameter(post);
            assertThat(parameter).as(path).isNotNull();
            assertThat(parameter.path("in").asString()).isEqualTo("header");
            assertThat(parameter.path("required").asBoolean()).isFalse();
            assertThat(parameter.path("schema").path("maxLength").asInt()).isEqualTo(255);
            assertThat(post.path("responses").path("409").path("description").asString())
                    .contains("Idempotency-Key");
            assertThat(post.path("responses").path("422").path("content").has("application/problem+json"))
                    .isTrue();
        }
        JsonNode created = paths.path("/api/v1/imports").path("post").path("responses");
        assertThat(created.properties())
                .filteredOn(response -> response.getKey().startsWith("2"))
                .isNotEmpty()
                .allSatisfy(response -> assertThat(
                                response.getValue().path("headers").has("Idempotent-Replayed"))
                        .isTrue());
    }

    @Test
    void leavesOtherOperationsAlone() {
        JsonNode paths = docs().path("paths");

        assertThat(keyParameter(paths.path("/api/v1/imports").path("get"))).isNull();
        assertThat(keyParameter(paths.path("/api/v1/imports/{id}").path("get"))).isNull();
        paths.properties().forEach(path -> {
            JsonNode post = path.getValue().path("post");
            if (!path.getKey().startsWith("/api/v1/") && !post.isMissingNode()) {
                assertThat(keyParameter(post)).as(path.getKey()).isNull();
            }
        });
    }
}
