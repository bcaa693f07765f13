package com.rdsmigration.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.RdsMigrationGatewayApplication;
import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The simulator beside profile {@code prod}, as docker-compose runs it: its control API is operator API there and
 * needs an administrator, while its RPC endpoint still checks its own signatures and takes no API key.
 */
class SimulatorBesideProdTests {

    static final String TEAM_KEY = "local-team-a-key";
    static final String ADMIN_KEY = "local-admin-key";

    static ConfigurableApplicationContext gateway;
    static HttpTestClient http;
    static int port;

    @BeforeAll
    static void startProdGatewayWithTheSimulator() {
        JdbcConnectionDetails database = TestDatabase.newSchema();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("spring.datasource.url", database.getJdbcUrl());
        settings.put("spring.datasource.username", database.getUsername());
        settings.put("spring.datasource.password", database.getPassword() == null ? "" : database.getPassword());
        settings.put("gateway.idempotency.fingerprint-secret", "test-fingerprint-secret");
        settings.put("gateway.guided.source-password-key", "USvn5RuKkyrjSyj14Po4FfoMbQXpGtRvinotfRdkaZA=");
        settings.put("gateway.webhooks.signing-secret", "test-webhook-signing-secret");
        settings.put("gateway.security.api-keys[0].team", "team-a");
        settings.put(
                "gateway.security.api-keys[0].key-sha256",
                "44025d4f8db7b72602acbd22a4e52cd309722588d1d15404851bf24742a14a70");
        settings.put("gateway.teams.team-a.instances[0]", "pgm-a-*");
        settings.put("gateway.security.api-keys[1].team", "platform");
        settings.put(
                "gateway.security.api-keys[1].key-sha256",
                "4ab7b7cd7a009307f975da639ffcb2f104e371d271e936dab005ee993474b81d");
        settings.put("gateway.security.api-keys[1].admin", "true");
        settings.put("rds.simulator.enabled", "true");
        settings.put("rds.endpoint", "http://127.0.0.1:${local.server.port}/");
        settings.put("rds.auth.access-key-id", "simulator-ak");
        settings.put("rds.auth.access-key-secret", "simulator-secret");
        settings.put("gateway.reconciler.interval", "1h");
        settings.put("gateway.tracking.tracker-enabled", "false");
        settings.put("spring.jmx.enabled", "false");
        List<String> arguments = new ArrayList<>();
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        gateway = new SpringApplicationBuilder(RdsMigrationGatewayApplication.class)
                .profiles("prod")
                .run(arguments.toArray(String[]::new));
        port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        http = new HttpTestClient(port);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void refusesTheControlApiWithoutAKey() {
        HttpResponse<String> faults = http.get("/rds-simulator/_control/faults");
        HttpResponse<String> reset = http.send(http.request("/rds-simulator/_control/reset")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

        assertProblem(faults, 401);
        assertProblem(reset, 401);
    }

    @Test
    void refusesTheControlApiToATeamKey() {
        HttpResponse<String> faults = http.send(http.request("/rds-simulator/_control/faults")
                .header("X-API-Key", TEAM_KEY)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"errorRate\":1.0}"))
                .header("Content-Type", "application/json")
                .build());

        assertProblem(faults, 403);
        assertThat(get("/rds-simulator/_control/faults", ADMIN_KEY).body()).doesNotContain("\"errorRate\":1.0");
    }

    @Test
    void opensTheControlApiToAnAdministrator() {
        HttpResponse<String> faults = get("/rds-simulator/_control/faults", ADMIN_KEY);
        HttpResponse<String> calls = get("/rds-simulator/_control/calls", ADMIN_KEY);

        assertThat(faults.statusCode()).isEqualTo(200);
        assertThat(calls.statusCode()).isEqualTo(200);
    }

    @Test
    void keepsTheRpcEndpointOnItsOwnSignaturesWithoutAnApiKey() {
        SimulatorClient client = new SimulatorClient(port, Clock.systemUTC());

        HttpResponse<String> signed = client.v3("DescribeDBInstanceAttribute", Map.of("DBInstanceId", "pgm-any"));
        HttpResponse<String> unsigned = http.get("/?Action=DescribeDBInstanceAttribute&DBInstanceId=pgm-any");

        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(unsigned.statusCode()).isBetween(400, 499);
        assertThat(unsigned.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    private static HttpResponse<String> get(String path, String key) {
        return http.send(http.request(path).header("X-API-Key", key).GET().build());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(HttpTestClient.json(response).path("status").asInt()).isEqualTo(status);
    }
}
