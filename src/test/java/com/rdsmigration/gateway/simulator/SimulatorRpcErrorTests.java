package com.rdsmigration.gateway.simulator;

import static com.rdsmigration.gateway.simulator.RpcCalls.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The RPC endpoint refuses another API version, unknown actions and bodies that are not form encoding, answers errors
 * in RDS's documented shape, and lets requests that are not RPC calls through.
 */
@IntegrationTest
class SimulatorRpcErrorTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    SimulatorClient client;

    @BeforeEach
    void setUp() {
        client = new SimulatorClient(port, clock);
    }

    @Test
    void refusesAnotherApiVersionAndUnknownActions() {
        HttpResponse<String> version = client.send(client.request("/?Action=DescribeCloudMigrationResult")
                .header("x-acs-bearer-token", "simulator-token")
                .header("x-acs-version", "2099-01-01")
                .header("x-acs-action", RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT)
                .GET()
                .build());
        JsonNode body = assertError(version, 400, "InvalidParameter");
        assertThat(body.path("Message").asString()).contains("\"Action or Version\"");

        assertError(client.v3("DescribeDBInstances", Map.of()), 404, "InvalidAction.NotFound");
    }

    @Test
    void answersErrorsInTheDocumentedShape() {
        JsonNode body =
                assertError(client.v3(RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, Map.of()), 400, "MissingParameter");

        String requestId = body.path("RequestId").asString();
        assertThat(body.path("HostId").asString()).isEqualTo("rds.aliyuncs.com");
        assertThat(body.path("Message").asString())
                .isEqualTo("The input parameter \"DBInstanceName\" that is mandatory for processing this request is"
                        + " not supplied.");
        assertThat(body.path("Recommend").asString())
                .isEqualTo("https://api.aliyun.com/troubleshoot?q=MissingParameter&product=Rds&requestId=" + requestId);
    }

    @Test
    void refusesAFormBodyThatIsNotValidUrlEncoding() {
        HttpResponse<String> response = client.send(client.request("/")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=CancelImport&ImportId=%G1"))
                .build());

        assertError(response, 400, "InvalidParameter");
    }

    @Test
    void letsRequestsThatAreNotRpcCallsThrough() {
        HttpResponse<String> response = client.send(client.request("/").GET().build());

        assertThat(response.headers().firstValue("x-acs-request-id")).isEmpty();
    }
}
