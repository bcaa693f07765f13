package com.rdsmigration.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A full flow through every endpoint that carries a source password, plus the requests that go wrong with one in them;
 * then the captured logs, every answer and a dump of every table are searched for the password and for the access key
 * secret the gateway signs with. Neither may appear anywhere.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretLeakTests {

    static final String PASSWORD = "Leak-Probe-" + UUID.randomUUID().toString().substring(0, 8) + "-Pw";
    static final String ACCESS_KEY_SECRET = "simulator-secret"; // what the embedded client signs with

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    final List<String> answers = new ArrayList<>();

    @Test
    void noLogLineAnswerOrStoredRowHoldsThePasswordOrTheAccessKeySecret(CapturedOutput logs) {
        GatewayApi api = new GatewayApi(port, GatewayApi.TEAM_A);
        String target = "pgm-" + UUID.randomUUID().toString().substring(0, 12);

        String precheckId = id(keep(api.post("/api/v1/cloud-migration-prechecks", body(target, ""))));
        clock.advance(Duration.ofSeconds(11));
        keep(api.get("/api/v1/cloud-migration-prechecks/" + precheckId));
        keep(api.get("/api/v1/cloud-migration-prechecks?instance=" + target));
        String migrationId =
                id(keep(api.post("/api/v1/cloud-migrations", body(target, ",\"precheckId\":\"" + precheckId + "\""))));
        clock.advance(Duration.ofSeconds(15));
        keep(api.get("/api/v1/cloud-migrations/" + migrationId));
        keep(api.post("/api/v1/cloud-migrations/" + migrationId + "/switchover", ""));
        clock.advance(Duration.ofSeconds(11));
        keep(api.get("/api/v1/cloud-migrations/" + migrationId));
        keep(api.get("/api/v1/cloud-migrations?instance=" + target));
        // Refusals with the password in the request: validation, another team's precheck, an upstream refusal.
        keep(api.post("/api/v1/cloud-migration-prechecks", body(target, ",\"taskName\":\"bad name!\"")));
        keep(api.as(GatewayApi.TEAM_B)
                .post("/api/v1/cloud-migrations", body(target, ",\"precheckId\":\"" + precheckId + "\"")));
        keep(api.post(
                "/api/v1/cloud-migrations",
                body("pgm-" + UUID.randomUUID().toString().substring(0, 8), "")));
        keep(api.post("/api/v1/cloud-migration-prechecks", body("rm-not-postgres", "")));
        keep(api.as(GatewayApi.ADMIN).get("/api/v1/audit-events?size=200"));

        String everyAnswer = String.join("\n", answers);
        String everyRow = dumpEveryTable();
        for (String secret : List.of(PASSWORD, ACCESS_KEY_SECRET)) {
            assertThat(logs.getAll()).as("logs").doesNotContain(secret);
            assertThat(everyAnswer).as("answers").doesNotContain(secret);
            assertThat(everyRow).as("stored rows").doesNotContain(secret);
        }
        assertThat(everyAnswer).as("the flow really ran").contains(precheckId, migrationId, "SUCCEEDED");
        assertThat(everyRow).as("the dump really has rows").contains(migrationId, "CreateCloudMigrationTask");
    }

    HttpResponse<String> keep(HttpResponse<String> answer) {
        answers.add(answer.statusCode() + " " + answer.headers().map() + "\n" + answer.body());
        return answer;
    }

    static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return GatewayApi.json(created).path("id").asString();
    }

    static String body(String target, String extra) {
        return "{\"targetInstanceId\":\"" + target + "\",\"source\":{\"host\":\"172.16.0.10\",\"port\":5432,"
                + "\"account\":\"migratetest\",\"password\":\"" + PASSWORD + "\",\"category\":\"ecsOnVpc\"}" + extra
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
