package com.rdsmigration.gateway.simulator;

import static com.rdsmigration.gateway.simulator.RpcCalls.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** ImportDatabaseBetweenInstances and CancelImport over real HTTP: ids, engine and state checks, every cancel case. */
@IntegrationTest
class SimulatorImportTests {

    static final Duration STAGE = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    SimulatorClient client;
    String destination;
    String source;

    @BeforeEach
    void setUp() {
        client = new SimulatorClient(port, clock);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        destination = "rm-dst" + suffix;
        source = "rm-src" + suffix;
    }

    HttpResponse<String> startImport(String dbInfo) {
        return client.v3(
                RdsActions.IMPORT_DATABASE_BETWEEN_INSTANCES,
                Map.of("DBInstanceId", destination, "SourceDBInstanceId", source, "DBInfo", dbInfo));
    }

    String importId(String dbInfo) {
        HttpResponse<String> response = startImport(dbInfo);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SimulatorClient.json(response).path("ImportId").asString();
    }

    HttpResponse<String> cancel(String instance, String importId) {
        return client.v3(RdsActions.CANCEL_IMPORT, Map.of("DBInstanceId", instance, "ImportId", importId));
    }

    @Test
    void answersTheImportIdAsAJsonStringOfANumberBeyond32Bits() {
        HttpResponse<String> response = startImport("{\"DBNames\":{\"orders\":\"orders_copy\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = SimulatorClient.json(response);
        assertThat(body.path("ImportId").isString()).isTrue();
        assertThat(Long.parseLong(body.path("ImportId").asString())).isGreaterThanOrEqualTo(85_265_475_235L);
        assertThat(body.path("RequestId").asString()).isNotBlank();
    }

    @Test
    void countsImportIdsUpAndAcceptsTheLegacyArrayForm() {
        long first = Long.parseLong(importId("{\"DBNames\":{\"a\":\"b\"}}"));
        long second = Long.parseLong(importId("{\"DBNames\":[\"a\",\"c\"]}"));

        assertThat(second).isGreaterThan(first);
    }

    @Test
    void refusesInvalidDbInfoAndIdenticalInstances() {
        JsonNode body = assertError(startImport("{\"DBNames\":{\"a\":\"x\",\"b\":\"x\"}}"), 400, "InvalidParameter");
        assertThat(body.path("Message").asString()).contains("\"DBInfo\"");
        assertError(startImport("{\"DBNames\":[]}"), 400, "InvalidParameter");
        assertError(startImport("not json"), 400, "InvalidParameter");

        HttpResponse<String> same = client.v3(
                RdsActions.IMPORT_DATABASE_BETWEEN_INSTANCES,
                Map.of(
                        "DBInstanceId",
                        destination,
                        "SourceDBInstanceId",
                        destination,
                        "DBInfo",
                        "{\"DBNames\":[\"a\"]}"));
        assertError(same, 400, "InvalidParameter");
    }

    @Test
    void refusesAMissingParameterNamingIt() {
        HttpResponse<String> response = client.v3(
                RdsActions.IMPORT_DATABASE_BETWEEN_INSTANCES, Map.of("DBInstanceId", destination, "DBInfo", "{}"));

        JsonNode body = assertError(response, 400, "MissingParameter");
        assertThat(body.path("Message").asString()).contains("\"SourceDBInstanceId\"");
    }

    @Test
    void refusesUnknownInstancesAndTheWrongEngine() {
        HttpResponse<String> unknown = client.v3(
                RdsActions.IMPORT_DATABASE_BETWEEN_INSTANCES,
                Map.of("DBInstanceId", "i-nothing", "SourceDBInstanceId", source, "DBInfo", "{\"DBNames\":[\"a\"]}"));
        assertError(unknown, 400, "InvalidDBInstanceId.NotFound");

        HttpResponse<String> postgres = client.v3(
                RdsActions.IMPORT_DATABASE_BETWEEN_INSTANCES,
                Map.of(
                        "DBInstanceId",
                        "pgm-" + destination,
                        "SourceDBInstanceId",
                        source,
                        "DBInfo",
                        "{\"DBNames\":[\"a\"]}"));
        assertError(postgres, 403, "IncorrectDBInstanceType");
    }

    @Test
    void refusesAnInstanceThatIsNotRunning() {
        HttpResponse<String> override = client.putInstance(source, "{\"engine\":\"SQLServer\",\"status\":\"Stopped\"}");
        assertThat(override.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.json(override).path("status").asString()).isEqualTo("Stopped");

        assertError(startImport("{\"DBNames\":[\"a\"]}"), 500, "IncorrectDBInstanceState");
    }

    @Test
    void cancelsARunningImportOnce() {
        String importId = importId("{\"DBNames\":{\"a\":\"b\"}}");

        HttpResponse<String> cancelled = cancel(destination, importId);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.json(cancelled).path("RequestId").asString()).isNotBlank();

        assertError(cancel(destination, importId), 403, "OperationDenied.ImportCancelled");
    }

    @Test
    void refusesToCancelAnImportThatHasSucceeded() {
        String importId = importId("{\"DBNames\":{\"a\":\"b\"}}");
        clock.advance(STAGE);

        assertError(cancel(destination, importId), 403, "OperationDenied.ImportCompleted");
    }

    @Test
    void refusesToCancelAnImportThatHasFailed() {
        String importId = importId("{\"DBNames\":{\"fail_sales\":\"sales\"}}");
        clock.advance(STAGE);

        assertError(cancel(destination, importId), 403, "OperationDenied.ImportFailed");
    }

    @Test
    void answersNotFoundForAnUnknownImportOrAnotherInstancesImport() {
        String importId = importId("{\"DBNames\":{\"a\":\"b\"}}");

        assertError(cancel(destination, "1"), 404, "InvalidImportId.NotFound");
        assertError(cancel(source, importId), 404, "InvalidImportId.NotFound");
        assertError(cancel(destination, "twelve"), 400, "InvalidParameter");
    }
}
