package com.rdsmigration.gateway.notifications;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/webhooks} over real HTTP: registration, its refusals, team scoping, and the signing secret shown once.
 * (The embedded default allows http receivers on localhost and 127.0.0.1; see {@link WebhookHttpsOnlyTests}.)
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class WebhookApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    GatewayApi teamA;
    GatewayApi teamB;
    GatewayApi admin;

    @BeforeEach
    void setUp() {
        teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        teamB = teamA.as(GatewayApi.TEAM_B);
        admin = teamA.as(GatewayApi.ADMIN);
    }

    @Test
    void registersATeamWebhookAndShowsItsSigningSecretOnlyInTheCreatedAnswer(CapturedOutput logs) {
        HttpResponse<String> created = teamA.post("/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/hook\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode webhook = json(created);
        String id = webhook.path("id").asString();
        String secret = webhook.path("signingSecret").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/webhooks/" + id);
        assertThat(webhook.path("url").asString()).isEqualTo("http://127.0.0.1:9/hook");
        assertThat(webhook.path("team").asString()).isEqualTo("team-a");
        assertThat(webhook.path("taskId").isNull()).isTrue();
        assertThat(webhook.path("deliveries").path("pending").asLong()).isZero();
        assertThat(secret).as("whsec_ and the base64 of a 32-byte key").matches("whsec_[A-Za-z0-9+/]{43}=");
        String key = secret.substring("whsec_".length());

        HttpResponse<String> read = teamA.get("/api/v1/webhooks/" + id);
        HttpResponse<String> list = teamA.get("/api/v1/webhooks?size=200");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).path("id").asString()).isEqualTo(id);
        assertThat(json(read).has("signingSecret")).isFalse();
        assertThat(json(list).path("items").findValuesAsString("id")).contains(id);
        for (String later : List.of(
                read.body(), list.body(), admin.get("/api/v1/webhooks/" + id).body())) {
            assertThat(later).doesNotContain(key).doesNotContain("signingSecret");
        }
        assertThat(logs.getAll()).doesNotContain(key);
        assertThat(everyWebhookIdempotencyAndAuditRow()).doesNotContain(key);
        assertThat(admin.get("/actuator/prometheus").body()).doesNotContain(key);
        delete(id);
    }

    @Test
    void replaysACreateWithTheSameIdempotencyKeyWithoutItsSecret() {
        String key = UUID.randomUUID().toString();
        String body = "{\"url\":\"http://localhost:9/hook\"}";

        HttpResponse<String> first = teamA.post("/api/v1/webhooks", body, key);
        HttpResponse<String> replay = teamA.post("/api/v1/webhooks", body, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(replay.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(json(replay).path("id").asString())
                .isEqualTo(json(first).path("id").asString());
        assertThat(json(replay).has("signingSecret")).isFalse();
        assertThat(everyWebhookIdempotencyAndAuditRow())
                .contains(json(first).path("id").asString())
                .doesNotContain(json(first).path("signingSecret").asString());
        delete(json(first).path("id").asString());
    }

    @Test
    void showsAWebhookToItsTeamAndAdminsOnly() {
        String id = json(teamA.post("/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/hook\"}"))
                .path("id")
                .asString();

        assertThat(teamB.get("/api/v1/webhooks/" + id).statusCode()).isEqualTo(404);
        assertThat(json(teamB.get("/api/v1/webhooks?size=200")).path("items").findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(teamB.delete("/api/v1/webhooks/" + id).statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/webhooks/" + id).statusCode()).isEqualTo(200);
        assertThat(json(admin.get("/api/v1/webhooks?size=200")).path("items").findValuesAsString("id"))
                .contains(id);

        assertThat(teamA.delete("/api/v1/webhooks/" + id).statusCode()).isEqualTo(204);
        assertThat(teamA.get("/api/v1/webhooks/" + id).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://example.com/hook", // not on the allow-list
                "http://169.254.169.254/latest/meta-data/",
                "http://100.100.100.200/latest/meta-data/",
                "http://10.0.0.1/hook",
                "http://[::ffff:127.0.0.1]/hook",
                "http://user:password@127.0.0.1/hook",
                "http://127.0.0.1@example.com/hook",
                "ftp://127.0.0.1/hook",
                "not a url",
                "//127.0.0.1/hook",
                " "
            })
    void refusesAUrlTheGatewayMustNotCallNamingTheField(String url) {
        HttpResponse<String> refused = teamA.post("/api/v1/webhooks", "{\"url\":" + quoted(url) + "}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(refused);
        assertThat(problem.path("type").asString()).isEqualTo("urn:rds-migration-gateway:problem:validation-failed");
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("url");
        assertThat(refused.body()).doesNotContain("password");
    }

    @Test
    void refusesATaskTheCallerCannotSeeWithoutTellingWhetherItExists() {
        String precheck = json(teamA.post(
                        "/api/v1/cloud-migration-prechecks",
                        "{\"targetInstanceId\":\""
                                + GatewayApi.newInstance("pgm", "team-a")
                                + "\",\"source\":{\"host\":\"172.16.0.10\",\"port\":5432,\"account\":\"migratetest\","
                                + "\"password\":\"Pw-12345678\",\"category\":\"ecsOnVpc\"}}"))
                .path("id")
                .asString();

        HttpResponse<String> othersTask = teamB.post("/api/v1/webhooks", subscription(precheck));
        HttpResponse<String> noTask =
                teamB.post("/api/v1/webhooks", subscription(UUID.randomUUID().toString()));

        for (HttpResponse<String> refused : List.of(othersTask, noTask)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(json(refused).path("errors").findValuesAsString("field")).containsExactly("taskId");
        }
        assertThat(json(othersTask).path("detail")).isEqualTo(json(noTask).path("detail"));
        assertThat(json(othersTask).path("errors")).isEqualTo(json(noTask).path("errors"));

        HttpResponse<String> own = teamA.post("/api/v1/webhooks", subscription(precheck));
        HttpResponse<String> byAdmin = admin.post("/api/v1/webhooks", subscription(precheck));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat(json(own).path("taskId").asString()).isEqualTo(precheck);
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(201);
        delete(json(own).path("id").asString());
        delete(json(byAdmin).path("id").asString());
    }

    @Test
    void refusesAMalformedTaskIdAndAMissingUrl() {
        HttpResponse<String> badTask =
                teamA.post("/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/hook\",\"taskId\":\"42\"}");
        HttpResponse<String> noUrl = teamA.post("/api/v1/webhooks", "{}");

        assertThat(badTask.statusCode()).isEqualTo(400);
        assertThat(json(badTask).path("errors").findValuesAsString("field")).containsExactly("taskId");
        assertThat(noUrl.statusCode()).isEqualTo(400);
        assertThat(json(noUrl).path("errors").findValuesAsString("field")).containsExactly("url");
    }

    @Test
    void answersAnUnknownWebhookWith404AndACallerWithoutKeyWith401() {
        assertThat(teamA.get("/api/v1/webhooks/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(new HttpTestClient(port).get("/api/v1/webhooks").statusCode())
                .isEqualTo(401);
    }

    static String subscription(String taskId) {
        return "{\"url\":\"http://127.0.0.1:9/hook\",\"taskId\":\"" + taskId + "\"}";
    }

    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    void delete(String id) {
        assertThat(admin.delete("/api/v1/webhooks/" + id).statusCode()).isEqualTo(204);
    }

    String everyWebhookIdempotencyAndAuditRow() {
        StringBuilder dump = new StringBuilder();
        for (String table : List.of("webhook_subscription", "webhook_delivery", "idempotency_key", "audit_event")) {
            jdbc.sql("select * from " + table)
                    .query()
                    .listOfRows()
                    .forEach(row -> dump.append(row).append('\n'));
        }
        // The stored answers are bytes: read them as text too.
        jdbc.sql("select response_body from idempotency_key where response_body is not null")
                .query((rs, n) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8))
                .list()
                .forEach(dump::append);
        return dump.toString();
    }
}
