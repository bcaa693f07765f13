package com.rdsmigration.gateway.simulator;

import static com.rdsmigration.gateway.simulator.RpcCalls.describe;
import static com.rdsmigration.gateway.simulator.RpcCalls.pgInstance;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.rds.signing.AccessKeyCredentials;
import com.rdsmigration.gateway.rds.signing.RequestSigner;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The RPC endpoint authenticates V3, V1 and bearer requests over real HTTP, in each form Alibaba's SDKs and the gateway
 * send them. Refusals: {@link SimulatorAuthenticationRefusalTests}.
 */
@IntegrationTest
class SimulatorAuthenticationTests {

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
    void acceptsV3SignedPostWithParametersInTheQuery() {
        HttpResponse<String> response = client.v3(RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, describe(pgInstance()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        JsonNode body = SimulatorClient.json(response);
        assertThat(body.path("RequestId").asString())
                .matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        assertThat(response.headers().firstValue("x-acs-request-id"))
                .hasValue(body.path("RequestId").asString());
    }

    @Test
    void takesNoApiKeyAndIgnoresOneThatIsNotTheGateways() {
        HttpResponse<String> response = client.v3(
                "POST",
                RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT,
                describe(pgInstance()),
                SimulatorClient.CREDENTIALS,
                builder -> builder.header("X-API-Key", "not-a-gateway-key"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void acceptsV3SignedGetWithCharactersThatNeedEncoding() {
        HttpResponse<String> response = client.v3(
                "GET",
                RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT,
                Map.of("DBInstanceName", pgInstance(), "TaskName", "a b+c*~/中"),
                SimulatorClient.CREDENTIALS,
                builder -> {});

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsV3WithParametersInAFormBody() {
        HttpResponse<String> response =
                client.v3Form(RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, describe(pgInstance()));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsAChunkedEmptyBodyWithoutContentLength() {
        RequestSigner signer = new RequestSigner(clock, () -> UUID.randomUUID().toString());
        Map<String, String> parameters = describe(pgInstance());
        Map<String, String> headers = signer.signV3(
                "POST",
                "127.0.0.1:" + port,
                RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT,
                RdsActions.VERSION,
                parameters,
                new byte[0],
                null,
                SimulatorClient.CREDENTIALS);
        HttpRequest.Builder builder = client.request("/?" + SimulatorClient.query(parameters));
        headers.forEach(builder::header);
        Flow.Publisher<java.nio.ByteBuffer> empty = HttpRequest.BodyPublishers.ofByteArray(new byte[0]);
        HttpResponse<String> response = client.send(
                builder.POST(HttpRequest.BodyPublishers.fromPublisher(empty)).build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsV3WithAnStsTokenWhenNoneIsConfigured() {
        AccessKeyCredentials sts = new AccessKeyCredentials("simulator-ak", "simulator-secret", "sts-token");
        HttpResponse<String> response = client.v3(
                "POST", RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, describe(pgInstance()), sts, builder -> {});

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsV1WithEveryParameterInTheQueryOnGetAndPost() {
        assertThat(client.v1("GET", RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, describe(pgInstance()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(client.v1("POST", RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, describe(pgInstance()))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void acceptsV1WithBusinessParametersInAFormBody() {
        HttpResponse<String> response =
                client.v1Form(RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, describe(pgInstance()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.json(response).path("Items").isArray()).isTrue();
    }

    @Test
    void acceptsTheBearerTokenInEachFormClientsSendIt() {
        assertThat(client.bearer(RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, describe(pgInstance()), "simulator-token")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> authorization =
                client.send(client.request("/?" + SimulatorClient.query(describe(pgInstance())))
                        .header("x-acs-action", RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT)
                        .header("x-acs-version", RdsActions.VERSION)
                        .header("Authorization", "Bearer simulator-token")
                        .header("x-acs-bearer-token", "simulator-token")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        assertThat(authorization.statusCode()).isEqualTo(200);

        Map<String, String> query = new java.util.LinkedHashMap<>(describe(pgInstance()));
        query.putAll(Map.of(
                "Action",
                RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT,
                "Version",
                RdsActions.VERSION,
                "BearerToken",
                "simulator-token",
                "SignatureType",
                "BEARERTOKEN"));
        assertThat(client.send(client.request("/?" + SimulatorClient.query(query))
                                .GET()
                                .build())
                        .statusCode())
                .isEqualTo(200);
    }
}
