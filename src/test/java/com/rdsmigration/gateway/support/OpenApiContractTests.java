package com.rdsmigration.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The check every API exchange of the tests goes through can fail: real answers of the gateway pass it, and the same
 * answers bent the ways the document forbids (a null or a number where it promises a string, a value of the wrong
 * shape inside a map, a missing required field, an undocumented status) fail it.
 */
@IntegrationTest
class OpenApiContractTests {

    @LocalServerPort
    int port;

    @Test
    void passesTheGatewaysOwnAnswersAndFailsTheSameAnswersBent() {
        GatewayApi team = new GatewayApi(port, GatewayApi.TEAM_A);
        HttpResponse<String> created = team.post("/api/v1/imports", GatewayApi.newImport());
        assertThat(created.statusCode()).isEqualTo(201);
        String id = HttpTestClient.json(created).path("id").asString();
        HttpRequest read = new HttpTestClient(port)
                .request("/api/v1/imports/" + id)
                .header("X-API-Key", GatewayApi.TEAM_A)
                .GET()
                .build();
        HttpResponse<String> answer = new HttpTestClient(port).send(read);
        assertThat(answer.statusCode()).isEqualTo(200);

        assertThatCode(() -> OpenApiContract.check(read, answer)).doesNotThrowAnyException();
        assertMismatch(read, bent(answer, body -> body.replaceFirst("\"team\":\"team-a\"", "\"team\":null")), "team");
        assertMismatch(read, bent(answer, body -> body.replaceFirst("\"team\":\"team-a\"", "\"team\":42")), "team");
        assertMismatch(
                read,
                bent(answer, body -> body.replaceFirst("\"databases\":\\{\"", "\"databases\":{\"x\":[],\"")),
                "databases");
        assertMismatch(read, bent(answer, body -> body.replaceFirst("\"id\":\"[^\"]+\",", "")), "id");
        assertMismatch(read, bent(answer, 299, answer.body()), "299");
    }

    @Test
    void checksProblemsAsWell() {
        HttpRequest missing = new HttpTestClient(port)
                .request("/api/v1/imports/" + UUID.randomUUID())
                .header("X-API-Key", GatewayApi.TEAM_A)
                .GET()
                .build();
        HttpResponse<String> notFound = new HttpTestClient(port).send(missing);
        assertThat(notFound.statusCode()).isEqualTo(404);

        assertMismatch(
                missing, bent(notFound, body -> body.replaceFirst("\"status\":404", "\"status\":\"404\"")), "status");
    }

    private static void assertMismatch(HttpRequest request, HttpResponse<String> answer, String naming) {
        assertThatThrownBy(() -> OpenApiContract.check(request, answer))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not match the OpenAPI document")
                .hasMessageContaining(naming);
    }

    private static HttpResponse<String> bent(HttpResponse<String> answer, UnaryOperator<String> body) {
        String changed = body.apply(answer.body());
        assertThat(changed).as("the bend applies").isNotEqualTo(answer.body());
        return bent(answer, answer.statusCode(), changed);
    }

    private static HttpResponse<String> bent(HttpResponse<String> answer, int status, String body) {
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return answer.request();
            }

            @Override
            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(
                        Map.of(
                                "Content-Type",
                                List.of(answer.headers()
                                        .firstValue("Content-Type")
                                        .orElseThrow())),
                        (name, value) -> true);
            }

            @Override
            public String body() {
                return body;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return answer.uri();
            }

            @Override
            public HttpClient.Version version() {
                return answer.version();
            }
        };
    }
}
