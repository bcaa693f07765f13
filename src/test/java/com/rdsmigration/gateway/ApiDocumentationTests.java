package com.rdsmigration.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description lists every endpoint with an operationId, examples and its problem responses. */
@IntegrationTest
class ApiDocumentationTests {

    static final Map<String, List<String>> ENDPOINTS = Map.of(
            "/api/v1/imports", List.of("post", "get"),
            "/api/v1/imports/{id}", List.of("get"),
            "/api/v1/imports/{id}/cancel", List.of("post"),
            "/api/v1/cloud-migration-prechecks", List.of("post", "get"),
            "/api/v1/cloud-migration-prechecks/{id}", List.of("get"),
            "/api/v1/cloud-migrations", List.of("post", "get"),
            "/api/v1/cloud-migrations/{id}", List.of("get"),
            "/api/v1/cloud-migrations/{id}/switchover", List.of("post"));

    @LocalServerPort
    int port;

    JsonNode docs() {
        return HttpTestClient.json(new HttpTestClient(port).get("/v3/api-docs"));
    }

    @Test
    void listsEveryEndpointWithAUniqueOperationIdAndItsProblemResponses() {
        JsonNode paths = docs().path("paths");
        List<String> operationIds = new ArrayList<>();
        ENDPOINTS.forEach((path, methods) -> {
            for (String method : methods) {
                JsonNode operation = paths.path(path).path(method);
                assertThat(operation.isObject()).as(method + " " + path).isTrue();
                operationIds.add(operation.path("operationId").asString());
                assertThat(operation.path("summary").asString()).as(path).isNotBlank();
                for (String status : List.of("400", "401", "429")) {
                    assertThat(operation
                                    .path("responses")
                                    .path(status)
                                    .path("content")
                                    .has("application/problem+json"))
                            .as(method + " " + path + " " + status)
                            .isTrue();
                }
                if (method.equals("post")) {
                    assertThat(operation.path("responses").has(path.contains("{") ? "200" : "201"))
                            .as(method + " " + path)
                            .isTrue();
                    assertThat(operation.path("responses").has("409")).isTrue();
                    assertThat(operation.path("responses").has("503")).isTrue();
                }
            }
        });
        assertThat(operationIds).doesNotContain("").doesNotHaveDuplicates().hasSize(11);
    }

    @Test
    void describesSchemasWithExamplesAndAWriteOnlyPassword() {
        JsonNode schemas = docs().path("components").path("schemas");

        assertThat(schemas.path("Source")
                        .path("properties")
                        .path("password")
                        .path("writeOnly")
                        .asBoolean())
                .isTrue();
        assertThat(schemas.path("CreateImportRequest")
                        .path("properties")
                        .path("sourceInstanceId")
                        .path("example")
                        .asString())
                .startsWith("rm-");
        assertThat(schemas.path("Migration")
                        .path("properties")
                        .path("stage")
                        .path("example")
                        .asString())
                .isEqualTo("increment");
        assertThat(schemas.path("Problem").path("properties").has("upstreamCode"))
                .isTrue();
        assertThat(docs().path("components").path("securitySchemes").has("apiKey"))
                .isTrue();
    }

    @Test
    void hidesTheSimulator() {
        assertThat(docs().path("paths").propertyNames()).noneMatch(path -> path.startsWith("/rds-simulator"));
    }
}
