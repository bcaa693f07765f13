package com.rdsmigration.gateway.simulator;

import static com.rdsmigration.gateway.simulator.RpcCalls.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpResponse;
import java.util.ArrayList;
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
 * DescribeDBInstanceAttribute over real HTTP: the SDK model's shape, comma-separated ids, the errors, the resource
 * group set through the control API until a reset, and the signature checks, call log and faults every action has.
 */
@IntegrationTest
class SimulatorInstanceAttributeTests {

    static final String ACTION = RdsActions.DESCRIBE_DB_INSTANCE_ATTRIBUTE;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    SimulatorClient client;
    String pg;
    String sqlServer;

    @BeforeEach
    void setUp() {
        client = new SimulatorClient(port, clock);
        String suffix = UUID.randomUUID().toString().substring(0, 12);
        pg = "pgm-" + suffix;
        sqlServer = "rm-" + suffix;
    }

    @AfterEach
    void clearFaults() {
        assertThat(client.clearFaults().statusCode()).isEqualTo(200);
    }

    HttpResponse<String> describe(String ids) {
        return client.v3(ACTION, Map.of("DBInstanceId", ids));
    }

    JsonNode attributes(String ids) {
        HttpResponse<String> response = describe(ids);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SimulatorClient.json(response).path("Items").path("DBInstanceAttribute");
    }

    @Test
    void answersInTheShapeOfTheSdkModel() {
        JsonNode body = SimulatorClient.json(describe(pg));

        assertThat(body.propertyNames()).containsExactlyInAnyOrder("RequestId", "Items");
        assertThat(body.path("RequestId").asString()).isNotBlank();
        assertThat(body.path("Items").propertyNames()).containsExactly("DBInstanceAttribute");
        JsonNode instance = body.path("Items").path("DBInstanceAttribute").get(0);
        assertThat(instance.path("DBInstanceId").asString()).isEqualTo(pg);
        assertThat(instance.path("Engine").asString()).isEqualTo("PostgreSQL");
        assertThat(instance.path("EngineVersion").asString()).isNotBlank();
        assertThat(instance.path("DBInstanceStatus").asString()).isEqualTo("Running");
        assertThat(instance.path("ResourceGroupId").asString()).isEqualTo("rg-default");
        assertThat(instance.path("RegionId").asString()).isEqualTo("cn-hangzhou");
        assertThat(instance.path("DBInstanceType").asString()).isEqualTo("Primary");
        assertThat(instance.path("LockMode").asString()).isEqualTo("Unlock");
        assertThat(instance.path("Port").isString())
                .as("a string, as documented")
                .isTrue();
        assertThat(instance.path("Port").asString()).isEqualTo("5432");
        assertThat(instance.path("DBInstanceMemory").isNumber()).isTrue();
        assertThat(instance.path("ConnectionString").asString()).startsWith(pg + ".");
    }

    @Test
    void answersEveryInstanceOfACommaSeparatedListInItsOrder() {
        JsonNode items = attributes(" " + sqlServer + " , " + pg + "," + sqlServer);

        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("DBInstanceId").asString()).isEqualTo(sqlServer);
        assertThat(items.get(0).path("Engine").asString()).isEqualTo("SQLServer");
        assertThat(items.get(0).path("Port").asString()).isEqualTo("1433");
        assertThat(items.get(1).path("DBInstanceId").asString()).isEqualTo(pg);
        assertThat(items.get(1).path("Engine").asString()).isEqualTo("PostgreSQL");
    }

    @Test
    void anUnknownInstanceFailsTheWholeCall() {
        assertError(describe(pg + ",xyz-" + UUID.randomUUID()), 400, "InvalidDBInstanceId.NotFound");
    }

    @Test
    void refusesAMissingEmptyOrOverlongInstanceList() {
        assertError(client.v3(ACTION, Map.of()), 400, "MissingParameter");
        assertError(describe(pg + ",," + sqlServer), 400, "InvalidParameter");
        assertError(describe(" , "), 400, "InvalidParameter");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add("pgm-" + i + "-" + UUID.randomUUID().toString().substring(0, 6));
        }
        assertThat(attributes(String.join(",", ids))).hasSize(30);
        ids.add(pg);
        JsonNode error = assertError(describe(String.join(",", ids)), 400, "InvalidParameter");
        assertThat(error.path("Message").asString()).contains("DBInstanceId").contains("30");
    }

    @Test
    void describesAnInstanceInAnyStateAndOfAnyEngine() {
        client.putInstance(pg, "{\"engine\":\"MySQL\",\"status\":\"Stopped\"}");

        JsonNode instance = attributes(pg).get(0);

        assertThat(instance.path("Engine").asString()).isEqualTo("MySQL");
        assertThat(instance.path("DBInstanceStatus").asString()).isEqualTo("Stopped");
        assertThat(instance.path("Port").asString()).isEqualTo("3306");
    }

    @Test
    void answersTheResourceGroupSetThroughTheControlApiUntilAReset() {
        HttpResponse<String> put = client.putInstance(pg, "{\"resourceGroupId\":\"rg-team-a\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(SimulatorClient.json(put).path("resourceGroupId").asString()).isEqualTo("rg-team-a");
        JsonNode shown = SimulatorClient.json(client.control("GET", "/instances/" + pg, null));
        assertThat(shown.path("engine").asString()).isEqualTo("PostgreSQL");
        assertThat(shown.path("status").asString()).isEqualTo("Running");
        assertThat(shown.path("resourceGroupId").asString()).isEqualTo("rg-team-a");
        JsonNode untouched = SimulatorClient.json(client.control("GET", "/instances/" + sqlServer, null));
        assertThat(untouched.path("resourceGroupId").asString()).isEqualTo("rg-default");
        assertThat(client.control("GET", "/instances/xyz-unknown", null).statusCode())
                .isEqualTo(404);

        assertThat(attributes(pg + "," + sqlServer))
                .extracting(item -> item.path("ResourceGroupId").asString())
                .containsExactly("rg-team-a", "rg-default");

        assertThat(client.control("POST", "/reset", null).statusCode()).isEqualTo(204);
        assertThat(attributes(pg).get(0).path("ResourceGroupId").asString()).isEqualTo("rg-default");
    }

    @Test
    void checksSignaturesAndBearerTokensLikeEveryAction() {
        assertThat(client.v1("GET", ACTION, Map.of("DBInstanceId", pg)).statusCode())
                .isEqualTo(200);
        assertThat(client.bearer(ACTION, Map.of("DBInstanceId", pg), SimulatorClient.BEARER_TOKEN)
                        .statusCode())
                .isEqualTo(200);
        assertError(client.bearer(ACTION, Map.of("DBInstanceId", pg), "guess"), 401, "InvalidBearerToken");
        assertError(
                client.send(client.request("/?Action=" + ACTION + "&Version=2014-08-15&DBInstanceId=" + pg)
                        .GET()
                        .build()),
                400,
                "IncompleteSignature");
    }

    @Test
    void isLoggedCountedAndSubjectToInjectedFaults() {
        long before = client.calls().path("counts").path(ACTION).asLong();
        assertThat(describe(pg).statusCode()).isEqualTo(200);

        JsonNode log = client.calls();
        assertThat(log.path("counts").path(ACTION).asLong()).isEqualTo(before + 1);
        JsonNode last = log.path("calls").get(log.path("calls").size() - 1);
        assertThat(last.path("action").asString()).isEqualTo(ACTION);
        assertThat(last.path("auth").asString()).isEqualTo("v3");

        client.putFaults("{\"errorRate\":1,\"errorCode\":\"Throttling.User\",\"httpStatus\":400,\"actions\":[\""
                + ACTION + "\"]}");
        assertError(describe(pg), 400, "Throttling.User");
        assertThat(client.v3(RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, Map.of("DBInstanceName", pg))
                        .statusCode())
                .as("the faults name only this action")
                .isEqualTo(200);
    }
}
