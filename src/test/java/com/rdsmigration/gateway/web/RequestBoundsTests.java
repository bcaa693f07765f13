package com.rdsmigration.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Requests past the gateway's size bounds get a clear 4xx, never a 500: headers over 16 KB, more than 100 parameters,
 * over-long filter values, page sizes outside 1..200. Over real HTTP, so Tomcat's own limits are in play.
 */
@IntegrationTest
class RequestBoundsTests {

    @LocalServerPort
    int port;

    GatewayApi teamA;

    @BeforeEach
    void setUp() {
        teamA = new GatewayApi(port, GatewayApi.TEAM_A);
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(HttpTestClient.json(response).path("type").asString())
                .isEqualTo("urn:rds-migration-gateway:problem:" + type);
    }

    /** Tomcat refuses these before the gateway sees them, with its own short HTML page (no report, no echo). */
    @Test
    void refusesHeadersOver16KbWith400() {
        HttpTestClient http = new HttpTestClient(port);
        HttpResponse<String> response = http.send(http.request("/api/v1/imports")
                .header("X-API-Key", GatewayApi.TEAM_A)
                .header("X-Padding", "x".repeat(17 * 1024))
                .GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("xxxx");
    }

    @Test
    void takesHeadersJustUnder16Kb() {
        HttpTestClient http = new HttpTestClient(port);
        HttpResponse<String> response = http.send(http.request("/api/v1/imports")
                .header("X-API-Key", GatewayApi.TEAM_A)
                .header("X-Padding", "x".repeat(15 * 1024))
                .GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesMoreThan100ParametersWith400() {
        String query = IntStream.range(0, 101).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));

        HttpResponse<String> response = teamA.get("/api/v1/imports?" + query);

        assertProblem(response, 400, "malformed-request");
    }

    @Test
    void refusesOverLongFilterValuesWith400() {
        String tooLong = "rm-" + "x".repeat(ListParams.MAX_ID_LENGTH);

        HttpResponse<String> imports = teamA.get("/api/v1/imports?instance=" + tooLong);
        assertProblem(imports, 400, "validation-failed");
        assertThat(HttpTestClient.json(imports)
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("instance");
        assertProblem(teamA.get("/api/v1/cloud-migrations?instance=" + tooLong), 400, "validation-failed");
        for (String filter : new String[] {"action", "resourceId", "team", "pageToken"}) {
            HttpResponse<String> audit = teamA.get("/api/v1/audit-events?" + filter + "=" + "x".repeat(300));
            assertProblem(audit, 400, "validation-failed");
            JsonNode error = HttpTestClient.json(audit).path("errors").get(0);
            assertThat(error.path("field").asString()).isEqualTo(filter);
            assertThat(audit.body()).doesNotContain("x".repeat(300));
        }
        assertThat(teamA.get("/api/v1/imports?instance=rm-" + "x".repeat(ListParams.MAX_ID_LENGTH - 3))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesAnUrlOver16KbWith4xx() {
        HttpResponse<String> response = teamA.get("/api/v1/imports?instance=" + "x".repeat(17 * 1024));

        assertThat(response.statusCode()).isBetween(400, 499);
    }

    @Test
    void takesPageSizesFrom1To200Only() {
        assertThat(teamA.get("/api/v1/imports?size=1").statusCode()).isEqualTo(200);
        assertThat(teamA.get("/api/v1/imports?size=200").statusCode()).isEqualTo(200);
        assertProblem(teamA.get("/api/v1/imports?size=0"), 400, "validation-failed");
        assertProblem(teamA.get("/api/v1/imports?size=201"), 400, "validation-failed");
        assertProblem(teamA.get("/api/v1/cloud-migration-prechecks?size=201"), 400, "validation-failed");
        assertProblem(teamA.get("/api/v1/cloud-migrations?size=100000"), 400, "validation-failed");
        assertProblem(teamA.get("/api/v1/audit-events?size=201"), 400, "validation-failed");
        assertThat(teamA.get("/api/v1/audit-events?size=200").statusCode()).isEqualTo(200);
    }
}
