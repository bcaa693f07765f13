package com.rdsmigration.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.RawHttp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that used to fail deep in a framework, the container or the database (found by FuzzedRequestTests) are
 * refused up front with a problem, and a refused create leaves no row and makes no upstream call.
 */
@IntegrationTest
class MalformedRequestTests {

    static final String IMPORT = "{\"sourceInstanceId\":\"rm-malformed1\",\"targetInstanceId\":\"rm-malformed2\","
            + "\"databases\":[\"sales\"]}";

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long importsBefore;
    long upstreamBefore;

    @BeforeEach
    void countRowsAndCalls() {
        importsBefore = imports();
        upstreamBefore = new GatewayApi(port, GatewayApi.TEAM_A).upstreamCalls("ImportDatabaseBetweenInstances");
    }

    @Test
    void aCreateWhoseAnswerCannotBeInTheAcceptedTypeIsRefusedBeforeItGoesUpstream() {
        for (String accept : new String[] {"image/png", "garbage;;;q=x"}) {
            RawHttp.Response answer = send("POST /api/v1/imports", "Accept: " + accept, IMPORT, "application/json");

            assertThat(answer.status()).as(accept).isEqualTo(406);
            assertProblem(answer);
        }
        assertNothingHappened();
    }

    @Test
    void aFormBodyIsRefusedAsAnUnsupportedMediaType() {
        RawHttp.Response answer =
                send("POST /api/v1/imports", "", "sourceInstanceId=%zz&a=b", "application/x-www-form-urlencoded");

        assertThat(answer.status()).isEqualTo(415);
        assertProblem(answer);
        assertNothingHappened();
    }

    @Test
    void aQueryWithANulOrABrokenEscapeIsMalformed() {
        for (String query : new String[] {"resourceId=%00", "team=a%zz", "action=%C3%28"}) {
            RawHttp.Response answer = send("GET /api/v1/audit-events?" + query, "", "", null);
            RawHttp.Response encodedPath = send("GET /%61pi/v1/audit-events?" + query, "", "", null);

            assertThat(encodedPath.status()).as("/%61pi/ is /api/: " + query).isEqualTo(400);

            assertThat(answer.status()).as(query).isEqualTo(400);
            assertProblem(answer);
        }
    }

    @Test
    void aTimeBeyondWhatTheStoreHoldsIsAValidationProblemNamingItsField() {
        for (String path : new String[] {"/api/v1/imports", "/api/v1/audit-events"}) {
            RawHttp.Response answer = send("GET " + path + "?from=%2B999999999-12-31T23%3A59%3A59Z", "", "", null);

            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(assertProblem(answer).path("errors").findValuesAsString("field"))
                    .containsExactly("from");
        }
    }

    @Test
    void requestsTheContainerOrFirewallRefusesAreProblemsToo() {
        for (String line : new String[] {
            "GET /api/v1/imports/{x}", // a character Tomcat refuses in a request target
            "GET /api/v1/imports/a%2Fb", // an encoded slash
            "GET /api//v1/imports", // a path Spring Security's firewall refuses
            "GET /api/v1/imports/../quota"
        }) {
            RawHttp.Response answer = send(line, "", "", null);

            assertThat(answer.status()).as(line).isEqualTo(400);
            assertProblem(answer);
        }
    }

    @Test
    void aGatewayHeaderThatIsNotPrintableAsciiIsMalformed() {
        RawHttp.Response answer = send("POST /api/v1/imports", "Idempotency-Key: clé-é", IMPORT, "application/json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(assertProblem(answer).path("detail").asString()).contains("Idempotency-Key");
        assertNothingHappened();
    }

    @Test
    void aDatabaseNameWithTemplateCharactersIsQuotedAsItIs() {
        String body = IMPORT.replace("[\"sales\"]", "[\"a\\\\{}$b\"]");

        RawHttp.Response answer = send("POST /api/v1/imports", "", body, "application/json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(assertProblem(answer)
                        .path("errors")
                        .findValuesAsString("message")
                        .toString())
                .contains("a\\{}$b");
        assertNothingHappened();
    }

    private RawHttp.Response send(String requestLine, String header, String body, String contentType) {
        StringBuilder head = new StringBuilder(requestLine + " HTTP/1.1\r\nX-API-Key: " + GatewayApi.TEAM_A + "\r\n");
        if (!header.isEmpty()) {
            head.append(header).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        return new RawHttp(port)
                .exchange(head.toString().getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode assertProblem(RawHttp.Response answer) {
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(answer.status());
        assertThat(problem.path("title").asString()).isNotBlank();
        return problem;
    }

    private void assertNothingHappened() {
        assertThat(imports()).as("import rows").isEqualTo(importsBefore);
        assertThat(new GatewayApi(port, GatewayApi.TEAM_A).upstreamCalls("ImportDatabaseBetweenInstances"))
                .as("upstream imports")
                .isEqualTo(upstreamBefore);
    }

    private long imports() {
        return jdbc.sql("select count(*) from import_task").query(Long.class).single();
    }
}
