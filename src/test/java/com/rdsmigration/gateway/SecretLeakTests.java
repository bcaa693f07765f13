package com.rdsmigration.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.LeakProbeGateway;
import com.rdsmigration.gateway.support.MutableClock;
import com.rdsmigration.gateway.support.SecretForms;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every flow of the API with the whole gateway logging at DEBUG (HttpClient's wire and headers and Spring's web layer
 * at TRACE): imports, prechecks, a migration through its switchover, and the refusals that carry a secret (validation
 * errors on the password, broken JSON, a wrong API key, another team's precheck, upstream refusals). Then the captured
 * logs, every answer (the metrics scrape and the simulator's call log included), every meter's tags and a dump of
 * every table are searched for each secret used: the source password, plain and percent-encoded, the upstream's
 * access key secret and security token, the bearer token and the API keys. None may appear anywhere.
 */
@LeakProbeGateway
class SecretLeakTests {

    static final String PASSWORD = "Leak@Probe+" + UUID.randomUUID().toString().substring(0, 8) + "/Pw=";
    static final String LONG_PASSWORD = PASSWORD + "x".repeat(130);
    static final String WRONG_KEY = "wrong-key-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    final List<String> answers = new ArrayList<>();

    @Test
    void noLogLineAnswerMetricOrStoredRowHoldsASecret(CapturedOutput logs) {
        GatewayApi api = new GatewayApi(port, GatewayApi.TEAM_A);
        String target = GatewayApi.newInstance("pgm", "team-a");

        String importId = id(keep(api.post("/api/v1/imports", GatewayApi.newImport())));
        keep(api.get("/api/v1/imports/" + importId));
        keep(api.get("/api/v1/imports"));
        keep(api.post("/api/v1/imports/" + importId + "/cancel", ""));

        String precheckId = id(keep(api.post("/api/v1/cloud-migration-prechecks", body(target, PASSWORD, ""))));
        clock.advance(Duration.ofSeconds(11));
        keep(api.get("/api/v1/cloud-migration-prechecks/" + precheckId));
        keep(api.get("/api/v1/cloud-migration-prechecks?instance=" + target));
        String migrationId = id(keep(api.post(
                "/api/v1/cloud-migrations", body(target, PASSWORD, ",\"precheckId\":\"" + precheckId + "\""))));
        clock.advance(Duration.ofSeconds(15));
        keep(api.get("/api/v1/cloud-migrations/" + migrationId));
        keep(api.post("/api/v1/cloud-migrations/" + migrationId + "/switchover", ""));
        clock.advance(Duration.ofSeconds(11));
        keep(api.get("/api/v1/cloud-migrations/" + migrationId));
        keep(api.get("/api/v1/cloud-migrations?instance=" + target));

        // Refusals with a secret in the request: validation (the password itself rejected, and another field), broken
        // JSON around the password, a wrong API key, another team's precheck, upstream refusals.
        keep(api.post("/api/v1/cloud-migration-prechecks", body(target, LONG_PASSWORD, "")));
        keep(api.post("/api/v1/cloud-migration-prechecks", body(target, PASSWORD, ",\"taskName\":\"bad name!\"")));
        keep(api.post(
                "/api/v1/cloud-migration-prechecks", body(target, PASSWORD, ",").replace("\"" + PASSWORD, PASSWORD)));
        keep(api.as(WRONG_KEY).post("/api/v1/cloud-migration-prechecks", body(target, PASSWORD, "")));
        keep(api.as(GatewayApi.TEAM_B)
                .post("/api/v1/cloud-migrations", body(target, PASSWORD, ",\"precheckId\":\"" + precheckId + "\"")));
        keep(api.post("/api/v1/cloud-migrations", body(GatewayApi.newInstance("pgm", "team-a"), PASSWORD, "")));
        keep(api.post("/api/v1/cloud-migration-prechecks", body("rm-a-not-postgres", PASSWORD, "")));

        keep(api.as(GatewayApi.ADMIN).get("/api/v1/audit-events?size=200"));
        keep(api.as(GatewayApi.ADMIN).get("/actuator/prometheus"));
        keep(new HttpTestClient(port).get("/rds-simulator/_control/calls"));

        String everyAnswer = String.join("\n", answers);
        String everyRow = dumpEveryTable();
        String everyTag = meters.getMeters().stream()
                .map(meter -> meter.getId().toString())
                .collect(Collectors.joining("\n"));
        for (String secret : secrets()) {
            assertThat(logs.getAll()).as("logs").doesNotContain(secret);
            assertThat(everyAnswer).as("answers").doesNotContain(secret);
            assertThat(everyRow).as("stored rows").doesNotContain(secret);
            assertThat(everyTag).as("meter tags").doesNotContain(secret);
        }

        assertThat(meters.find("http.client.requests").meters())
                .as("the upstream client's uri tag is no query string")
                .isNotEmpty()
                .allSatisfy(meter -> assertThat(meter.getId().getTag("uri")).doesNotContain("?", "Source"));
        assertThat(everyAnswer)
                .as("the flows really ran")
                .contains(importId, "CANCELLED", precheckId, migrationId, "SUCCEEDED", "http_client_requests");
        assertThat(everyRow).as("the dump really has rows").contains(migrationId, "CreateCloudMigrationTask");
        assertThat(logs.getAll())
                .as("the logs are at DEBUG, HttpClient's wire and headers included, and were masked")
                .contains("http-outgoing-", ">> \"POST /?", "<< \"HTTP/1.1 200")
                .contains("SourcePassword=******", "x-acs-security-token: ******", "\"SourcePassword\":\"******\"");
    }

    /** Each secret the flows used, in every form a leak could take. */
    static List<String> secrets() {
        List<String> secrets = new ArrayList<>(SecretForms.of(
                PASSWORD,
                LeakProbeGateway.ACCESS_KEY_SECRET,
                LeakProbeGateway.SECURITY_TOKEN,
                LeakProbeGateway.BEARER_TOKEN));
        secrets.addAll(List.of(GatewayApi.TEAM_A, GatewayApi.TEAM_B, GatewayApi.ADMIN, WRONG_KEY));
        return secrets;
    }

    HttpResponse<String> keep(HttpResponse<String> answer) {
        answers.add(answer.statusCode() + " " + answer.headers().map() + "\n" + answer.body());
        return answer;
    }

    static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return GatewayApi.json(created).path("id").asString();
    }

    static String body(String target, String password, String extra) {
        return "{\"targetInstanceId\":\"" + target + "\",\"source\":{\"host\":\"172.16.0.10\",\"port\":5432,"
                + "\"account\":\"migratetest\",\"password\":\"" + password + "\",\"category\":\"ecsOnVpc\"}" + extra
                + "}";
    }

    /** Every row of every table of the test schema, as text. */
    String dumpEveryTable() {
        StringBuilder dump = new StringBuilder();
        List<String> tables = jdbc.sql("select table_name from information_schema.tables"
                        + " where table_schema = current_schema() and table_type = 'BASE TABLE'")
                .query(String.class)
                .list();
        assertThat(tables).contains("cloud_migration_task", "audit_event", "idempotency_key");
        for (String table : tables) {
            jdbc.sql("select * from " + table)
                    .query()
                    .listOfRows()
                    .forEach(row -> dump.append(table).append(' ').append(row).append('\n'));
        }
        return dump.toString();
    }
}
