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

    @Test
    void describesTheGatewaysApiOnly() {
        assertThat(docs().path("paths").propertyNames()).isNotEmpty().allMatch(path -> path.startsWith("/api/v1/"));
    }

    @Test
    void documentsTheRequestBudgetOnEveryAnswerButA401AndRetryAfterOnRefusals() {
        docs().path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    operation.getValue().path("responses").properties().forEach(answer -> {
                        String where = operation.getKey() + " " + path.getKey() + " " + answer.getKey();
                        JsonNode headers = answer.getValue().path("headers");
                        assertThat(headers.has("X-Request-Id")).as(where).isTrue();
                        assertThat(headers.has("RateLimit-Limit")
                                        && headers.has("RateLimit-Remaining")
                                        && headers.has("RateLimit-Reset"))
                                .as(where)
                                .isEqualTo(!answer.getKey().equals("401"));
                        if (answer.getKey().equals("429") || answer.getKey().equals("503")) {
                            assertThat(headers.has("Retry-After")).as(where).isTrue();
                        }
                    });
                }));
    }

    @Test
    void listsOnlyTheAnswersAnOperationCanGiveEachWithItsOwnExample() {
        JsonNode paths = docs().path("paths");

        assertThat(paths.at("/~1api~1v1~1imports/post/responses").propertyNames())
                .contains("201", "400", "401", "403", "409", "413", "415", "422", "429", "500", "502", "503")
                .doesNotContain("404");
        assertThat(paths.at("/~1api~1v1~1imports~1{id}/get/responses").propertyNames())
                .contains("200", "404", "500")
                .doesNotContain("409", "413", "502");
        JsonNode conflicts = paths.at("/~1api~1v1~1cloud-migrations~1{id}~1switchover/post/responses/409/content")
                .path("application/problem+json");
        assertThat(conflicts.path("examples").propertyNames())
                .contains("notInIncrement", "switchoverAlreadyRequested", "idempotencyKeyInProgress");
        assertThat(conflicts.at("/examples/notInIncrement/value/instance").asString())
                .startsWith("/api/v1/cloud-migrations/")
                .endsWith("/switchover");
    }

    @Test
    void showsNullableFieldsAsTypeUnionsAndAnswersFieldsAsRequired() {
        JsonNode schemas = docs().path("components").path("schemas");

        for (String field :
                List.of("syncedAt", "switchTime", "stage", "replicationState", "replicationInfo", "taskId")) {
            assertThat(schemas.at("/Migration/properties/" + field + "/type")
                            .valueStream()
                            .map(JsonNode::asString))
                    .as(field)
                    .contains("null");
        }
        assertThat(schemas.at("/Migration/properties/status/type").asString()).isEqualTo("string");
        assertThat(schemas.at("/QuotaResponse/properties/teamBudget/oneOf/1/type")
                        .asString())
                .isEqualTo("null");
        assertThat(schemas.at("/Migration/required").valueStream().map(JsonNode::asString))
                .contains("syncedAt", "status", "id");
        assertThat(schemas.at("/CreatePrecheckRequest/required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("targetInstanceId", "source");
        assertThat(schemas.at("/WebhookResponse/required").valueStream().map(JsonNode::asString))
                .doesNotContain("signingSecret");
    }

    @Test
    void documentsDatabasesAsAnArrayOfUniqueNamesOrAMapping() {
        JsonNode databases = docs().at("/components/schemas/CreateImportRequest/properties/databases")
                .path("oneOf");

        assertThat(databases).hasSize(2);
        assertThat(databases.at("/0/type").asString()).isEqualTo("array");
        assertThat(databases.at("/0/uniqueItems").asBoolean()).isTrue();
        assertThat(databases.at("/0/maxItems").asInt()).isEqualTo(100);
        assertThat(databases.at("/0/items/maxLength").asInt()).isEqualTo(128);
        assertThat(databases.at("/1/type").asString()).isEqualTo("object");
        assertThat(databases.at("/1/additionalProperties/maxLength").asInt()).isEqualTo(128);
    }
}
