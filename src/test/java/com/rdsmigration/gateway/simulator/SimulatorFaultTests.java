package com.rdsmigration.gateway.simulator;

import static com.rdsmigration.gateway.simulator.RpcCalls.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The control API over real HTTP: exact error rates, configured codes, throttling, answers held back after an action
 * took effect, the call log, and the reset. Every test clears its faults, as the context is shared.
 */
@IntegrationTest
class SimulatorFaultTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    SimulatorClient client;
    String instance;

    @BeforeEach
    void setUp() {
        client = new SimulatorClient(port, clock);
        instance = "pgm-" + UUID.randomUUID().toString().substring(0, 12);
    }

    @AfterEach
    void clearFaults() {
        assertThat(client.clearFaults().statusCode()).isEqualTo(200);
    }

    HttpResponse<String> describe() {
        return client.v3(RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, Map.of("DBInstanceName", instance));
    }

    HttpResponse<String> createPrecheck() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("DBInstanceName", instance);
        parameters.put("SourceIpAddress", "10.1.2.3");
        parameters.put("SourcePort", "5432");
        parameters.put("SourceAccount", "migrator");
        parameters.put("SourcePassword", "pw");
        parameters.put("SourceCategory", "idcOnVpc");
        return client.v3(RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK, parameters);
    }

    int precheckCount() {
        HttpResponse<String> response =
                client.v3(RdsActions.DESCRIBE_CLOUD_MIGRATION_PRECHECK_RESULT, Map.of("DBInstanceName", instance));
        return SimulatorClient.json(response).path("TotalSize").asInt();
    }

    @Test
    void failsExactlyTheShareOfCallsTheErrorRateNames() {
        client.putFaults("{\"errorRate\":0.25,\"actions\":[\"DescribeCloudMigrationResult\"]}");

        List<Integer> failed = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            HttpResponse<String> response = describe();
            if (response.statusCode() != 200) {
                assertError(response, 503, "ServiceUnavailable");
                failed.add(n);
            }
        }

        assertThat(failed).containsExactly(4, 8, 12, 16, 20, 24, 28, 32, 36, 40);
    }

    @Test
    void answersTheConfiguredCodeAndStatusWithoutTakingEffect() {
        HttpResponse<String> put =
                client.putFaults("{\"errorRate\":1,\"errorCode\":\"InternalError\",\"httpStatus\":500,"
                        + "\"actions\":[\"CreateCloudMigrationPrecheckTask\"]}");
        assertThat(SimulatorClient.json(put).path("errorCode").asString()).isEqualTo("InternalError");

        assertError(createPrecheck(), 500, "InternalError");
        assertThat(describe().statusCode()).as("other actions are untouched").isEqualTo(200);
        client.clearFaults();

        assertThat(precheckCount()).isZero();
    }

    @Test
    void holdsBackAnswersOfActionsThatHaveTakenEffect() {
        client.putFaults("{\"timeoutRate\":1,\"timeoutHoldMs\":50,\"latencyMs\":20,"
                + "\"actions\":[\"CreateCloudMigrationPrecheckTask\"]}");

        assertThat(createPrecheck().statusCode()).isEqualTo(200);
        client.clearFaults();

        assertThat(precheckCount()).isEqualTo(1);
    }

    @Test
    void throttlesCallsBeyondTheQuotaOfOneClockSecond() {
        client.putFaults("{\"throttleQps\":2}");

        assertThat(describe().statusCode()).isEqualTo(200);
        assertThat(describe().statusCode()).isEqualTo(200);
        JsonNode body = assertError(describe(), 400, "Throttling.User");
        assertThat(body.path("Message").asString()).isEqualTo("Request was denied due to user flow control.");

        clock.advance(Duration.ofSeconds(1));
        assertThat(describe().statusCode()).isEqualTo(200);
    }

    @Test
    void reportsTheFaultsWithTheirDefaultsAndRefusesInvalidOnes() {
        JsonNode faults = SimulatorClient.json(client.putFaults("{\"latencyMs\":5}"));
        assertThat(faults.path("errorCode").asString()).isEqualTo("ServiceUnavailable");
        assertThat(faults.path("httpStatus").asInt()).isEqualTo(503);
        assertThat(faults.path("latencyMs").asLong()).isEqualTo(5);
        assertThat(faults.path("actions").isArray()).isTrue();
        assertThat(SimulatorClient.json(client.control("GET", "/faults", null))
                        .path("latencyMs")
                        .asLong())
                .isEqualTo(5);

        assertThat(client.putFaults("{\"errorRate\":2}").statusCode()).isEqualTo(400);
        assertThat(client.putFaults("{\"httpStatus\":200}").statusCode()).isEqualTo(400);
    }

    @Test
    void logsEveryCallWithItsAuthenticationAndOutcome() {
        long before = client.calls()
                .path("counts")
                .path(RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT)
                .asLong(0);
        String ok = SimulatorClient.json(describe()).path("RequestId").asString();
        String refused = SimulatorClient.json(client.bearer(
                        RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, Map.of("DBInstanceName", instance), "x"))
                .path("RequestId")
                .asString();
        String v1 = SimulatorClient.json(client.v1(
                        "GET", RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, Map.of("DBInstanceName", instance)))
                .path("RequestId")
                .asString();

        JsonNode log = client.calls();
        assertThat(log.path("counts")
                        .path(RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT)
                        .asLong())
                .isEqualTo(before + 3);
        JsonNode calls = log.path("calls");
        JsonNode last = calls.get(calls.size() - 1);
        assertThat(last.path("requestId").asString()).isEqualTo(v1);
        assertThat(last.path("auth").asString()).isEqualTo("v1");
        assertThat(last.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(last.path("code").isNull()).isTrue();
        assertThat(last.path("time").asString()).isNotBlank();
        JsonNode middle = calls.get(calls.size() - 2);
        assertThat(middle.path("requestId").asString()).isEqualTo(refused);
        assertThat(middle.path("auth").asString()).isEqualTo("bearer");
        assertThat(middle.path("httpStatus").asInt()).isEqualTo(401);
        assertThat(middle.path("code").asString()).isEqualTo("InvalidBearerToken");
        JsonNode first = calls.get(calls.size() - 3);
        assertThat(first.path("requestId").asString()).isEqualTo(ok);
        assertThat(first.path("action").asString()).isEqualTo(RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT);
        assertThat(first.path("auth").asString()).isEqualTo("v3");
    }

    @Test
    void logsUnauthenticatedCallsAsNone() {
        HttpResponse<String> response =
                client.send(client.request("/?Action=CancelImport&Version=2014-08-15&DBInstanceId=rm-x&ImportId=1")
                        .GET()
                        .build());
        assertError(response, 400, "IncompleteSignature");

        JsonNode calls = client.calls().path("calls");
        JsonNode last = calls.get(calls.size() - 1);
        assertThat(last.path("auth").asString()).isEqualTo("none");
        assertThat(last.path("action").asString()).isEqualTo(RdsActions.CANCEL_IMPORT);
    }

    @Test
    void resetForgetsTasksFaultsAndTheLog() {
        assertThat(createPrecheck().statusCode()).isEqualTo(200);
        client.putFaults("{\"latencyMs\":1}");

        assertThat(client.control("POST", "/reset", null).statusCode()).isEqualTo(204);

        assertThat(client.calls().path("calls")).isEmpty();
        assertThat(SimulatorClient.json(client.control("GET", "/faults", null))
                        .path("latencyMs")
                        .asLong())
                .isZero();
        assertThat(precheckCount()).isZero();
    }
}
