package com.rdsmigration.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The whole gateway over real HTTP, on the test PostgreSQL. */
@IntegrationTest
class GatewayStartupTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    HttpTestClient http() {
        return new HttpTestClient(port);
    }

    @Test
    void runsOnPostgresqlWithFlywayOwningTheSchema() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            var rows = connection
                    .createStatement()
                    .executeQuery("select count(*) from information_schema.tables"
                            + " where table_schema = current_schema() and table_name = 'flyway_schema_history'");
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void reportsHealthLivenessAndReadinessUp() {
        for (String path :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = http().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(HttpTestClient.json(response).path("status").asString())
                    .as(path)
                    .isEqualTo("UP");
        }
    }

    @Test
    void servesSwaggerUiAndTheApiDescription() {
        HttpResponse<String> ui =
                http().send(http().request("/swagger-ui/index.html").GET().build());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
        assertThat(http().get("/swagger-ui.html").statusCode()).isIn(200, 302);

        JsonNode docs = HttpTestClient.json(http().get("/v3/api-docs"));
        assertThat(docs.at("/info/title").asString()).isEqualTo("RDS Migration Gateway API");
        assertThat(docs.at("/info/version").asString()).isNotBlank();
        assertThat(docs.at("/components/securitySchemes/apiKey/name").asString())
                .isEqualTo("X-API-Key");
        assertThat(docs.at("/components/securitySchemes/apiKey/in").asString()).isEqualTo("header");
    }

    @Test
    void refusesA10Point5MegabyteBodyWith413ProblemOverRealHttp() {
        byte[] body = new byte[10 * 1024 * 1024 + 512 * 1024];
        HttpResponse<String> response = http().send(http().request("/api/v1/imports")
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "big-body-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("big-body-1");
        assertThat(HttpTestClient.json(response).path("type").asString())
                .isEqualTo("urn:rds-migration-gateway:problem:payload-too-large");
    }
}
