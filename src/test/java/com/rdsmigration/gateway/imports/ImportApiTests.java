package com.rdsmigration.gateway.imports;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Imports end to end: REST over real HTTP, the store on PostgreSQL, the simulator as upstream. */
@IntegrationTest
class ImportApiTests {

    @LocalServerPort
    int port;

    GatewayApi teamA;

    @BeforeEach
    void setUp() {
        teamA = new GatewayApi(port, GatewayApi.TEAM_A);
    }

    static String importBody(String source, String target) {
        return "{\"sourceInstanceId\":\"" + source + "\",\"targetInstanceId\":\"" + target
                + "\",\"databases\":{\"sales\":\"sales_copy\",\"crm\":\"crm\"}}";
    }

    static String newInstance() {
        return GatewayApi.newInstance("rm", "team-a");
    }

    JsonNode createImport(GatewayApi api) {
        HttpResponse<String> created = api.post(
                "/api/v1/imports",
                importBody(GatewayApi.newInstance("rm", api.team()), GatewayApi.newInstance("rm", api.team())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    @Test
    void createsReadsListsAndCancelsAnImport() {
        String source = newInstance();
        String target = newInstance();
        long importsBefore = teamA.upstreamCalls("ImportDatabaseBetweenInstances");

        HttpResponse<String> created = teamA.post("/api/v1/imports", importBody(source, target));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json(created);
        String id = body.path("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/imports/" + id);
        assertThat(body.path("team").asString()).isEqualTo("team-a");
        assertThat(body.path("sourceInstanceId").asString()).isEqualTo(source);
        assertThat(body.path("targetInstanceId").asString()).isEqualTo(target);
        assertThat(body.path("databases").path("sales").asString()).isEqualTo("sales_copy");
        assertThat(Long.parseLong(body.path("importId").asString())).isGreaterThan(Integer.MAX_VALUE);
        assertThat(body.path("requestId").asString()).isNotBlank();
        assertThat(body.path("status").asString()).isEqualTo("RUNNING");
        assertThat(teamA.upstreamCalls("ImportDatabaseBetweenInstances")).isEqualTo(importsBefore + 1);

        JsonNode read = json(teamA.get("/api/v1/imports/" + id));
        assertThat(read).isEqualTo(body);

        JsonNode listed = json(teamA.get("/api/v1/imports?instance=" + target));
        assertThat(listed.path("totalItems").asLong()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("id").asString()).isEqualTo(id);
        assertThat(listed.path("page").asInt()).isZero();
        assertThat(listed.path("size").asInt()).isEqualTo(20);

        HttpResponse<String> cancelled = teamA.post("/api/v1/imports/" + id + "/cancel", "");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json(cancelled).path("status").asString()).isEqualTo("CANCELLED");

        HttpResponse<String> again = teamA.post("/api/v1/imports/" + id + "/cancel", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anotherTeamCannotSeeListOrCancelTheImportButAnAdminCan() {
        String id = createImport(teamA).path("id").asString();
        GatewayApi teamB = teamA.as(GatewayApi.TEAM_B);
        long cancelsBefore = teamA.upstreamCalls("CancelImport");

        assertThat(teamB.get("/api/v1/imports/" + id).statusCode()).isEqualTo(404);
        assertThat(teamB.post("/api/v1/imports/" + id + "/cancel", "").statusCode())
                .isEqualTo(404);
        assertThat(json(teamB.get("/api/v1/imports?size=200")).path("items").findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(teamA.upstreamCalls("CancelImport")).isEqualTo(cancelsBefore);

        GatewayApi admin = teamA.as(GatewayApi.ADMIN);
        assertThat(admin.get("/api/v1/imports/" + id).statusCode()).isEqualTo(200);
        String teamBImport = createImport(teamB).path("id").asString();
        assertThat(admin.get("/api/v1/imports/" + teamBImport).statusCode()).isEqualTo(200);
    }

    @Test
    void anUpstreamRefusalIsAProblemNamingTheUpstreamCodeAndLeavesNoTask() {
        String target = newInstance();
        teamA.putFaults("{\"errorRate\": 1.0, \"errorCode\": \"IncorrectDBInstanceState\", \"httpStatus\": 500,"
                + " \"actions\": [\"ImportDatabaseBetweenInstances\"]}");
        try {
            HttpResponse<String> refused = teamA.post("/api/v1/imports", importBody(newInstance(), target));

            assertThat(refused.statusCode()).isEqualTo(409);
            JsonNode problem = json(refused);
            assertThat(problem.path("upstreamCode").asString()).isEqualTo("IncorrectDBInstanceState");
            assertThat(problem.path("upstreamRequestId").asString()).isNotBlank();
            assertThat(problem.path("recommendedAction").asString()).isNotBlank();
        } finally {
            teamA.putFaults("{}");
        }
        assertThat(json(teamA.get("/api/v1/imports?instance=" + target))
                        .path("totalItems")
                        .asLong())
                .isZero();
    }
}
