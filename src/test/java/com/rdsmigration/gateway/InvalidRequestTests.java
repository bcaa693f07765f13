package com.rdsmigration.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Bad requests of every kind get a clear problem (400/401/404/409/413/415/422) that names the offending field, never a
 * 500, and never leave a row behind or reach the upstream.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvalidRequestTests {

    static final String KEY = "demo-team-a-key";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long rowsBefore;
    long upstreamCallsBefore;

    @BeforeAll
    void countRowsAndCalls() {
        rowsBefore = rows();
        upstreamCallsBefore = upstreamCalls();
    }

    @ParameterizedTest(name = "{0} -> {4}")
    @MethodSource("com.rdsmigration.gateway.InvalidRequests#all")
    void answersWithAProblemNamingTheField(
            String name, String method, String path, String body, int status, String field) {
        HttpTestClient http = new HttpTestClient(port);
        HttpRequest.Builder request = http.request(path);
        if (!"NOKEY".equals(method)) {
            request.header("X-API-Key", KEY);
        }
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.GET();
        }

        HttpResponse<String> response = http.send(request.build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = HttpTestClient.json(response);
        assertThat(problem.path("type").asString()).startsWith("urn:rds-migration-gateway:problem:");
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(problem.path("errors").findValuesAsString("field"))
                    .as(response.body())
                    .contains(field);
        }
    }

    @AfterAll
    void leftNoRowAndMadeNoUpstreamCall() {
        assertThat(rows()).isEqualTo(rowsBefore);
        assertThat(upstreamCalls()).isEqualTo(upstreamCallsBefore);
    }

    private long rows() {
        return jdbc.sql("select (select count(*) from import_task) + (select count(*) from cloud_migration_task)")
                .query(Long.class)
                .single();
    }

    private long upstreamCalls() {
        return new GatewayApi(port, null).upstreamCalls();
    }
}
