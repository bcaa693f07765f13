package com.rdsmigration.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.rds.signing.AccessKeyCredentials;
import com.rdsmigration.gateway.rds.signing.RequestSigner;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The RPC endpoint authenticates V3, V1 and bearer requests over real HTTP, and refuses bad ones as RDS does. */
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

    static Map<String, String> describe(String instance) {
        return Map.of("DBInstanceName", instance);
    }

    static String pgInstance() {
        return "pgm-" + UUID.randomUUID().toString().substring(0, 8);
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

    @Test
    void refusesAWrongBearerTokenWith401() {
        HttpResponse<String> response =
                client.bearer(RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, describe(pgInstance()), "guess");

        assertError(response, 401, "InvalidBearerToken");
    }

    @Test
    void refusesAWrongSecretAndShowsTheServerStringToSign() {
        HttpResponse<String> response = client.v3(
                "POST",
                RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT,
                describe(pgInstance()),
                AccessKeyCredentials.of("simulator-ak", "wrong-secret"),
                builder -> {});

        JsonNode body = assertError(response, 400, "SignatureDoesNotMatch");
        assertThat(body.path("Message").asString())
                .startsWith("Specified signature is not matched with our calculation. server string to sign is:"
                        + "ACS3-HMAC-SHA256\n");
    }

    @Test
    void refusesAV1SignatureMadeWithAWrongSecret() {
        RequestSigner signer = new RequestSigner(clock, () -> UUID.randomUUID().toString());
        Map<String, String> signed = signer.signV1(
                "GET",
                RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT,
                RdsActions.VERSION,
                describe(pgInstance()),
                AccessKeyCredentials.of("simulator-ak", "wrong"));
        HttpResponse<String> response = client.send(
                client.request("/?" + SimulatorClient.query(signed)).GET().build());

        JsonNode body = assertError(response, 400, "SignatureDoesNotMatch");
        assertThat(body.path("Message").asString()).contains("server string to sign is:GET&%2F&AccessKeyId%3D");
    }

    @Test
    void refusesATamperedQueryParameter() {
        HttpResponse<String> response = client.v3(
                "POST",
                RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT,
                describe(pgInstance()),
                SimulatorClient.CREDENTIALS,
                builder -> builder.uri(builder.build().uri().resolve("/?DBInstanceName=pgm-other")));

        assertError(response, 400, "SignatureDoesNotMatch");
    }

    @Test
    void refusesAnUnknownAccessKeyWith404() {
        HttpResponse<String> response = client.v3(
                "POST",
                RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT,
                describe(pgInstance()),
                AccessKeyCredentials.of("someone-else", "simulator-secret"),
                builder -> {});

        assertError(response, 404, "InvalidAccessKeyId.NotFound");
    }

    @Test
    void refusesAReplayedNonce() {
        String nonce = UUID.randomUUID().toString();
        SimulatorClient fixedNonce = new SimulatorClient(port, new RequestSigner(clock, () -> nonce));
        Map<String, String> parameters = describe(pgInstance());

        assertThat(fixedNonce
                        .v3(RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, parameters)
                        .statusCode())
                .isEqualTo(200);
        assertError(fixedNonce.v3(RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, parameters), 400, "SignatureNonceUsed");
        assertError(
                fixedNonce.v1("GET", RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, parameters),
                400,
                "SignatureNonceUsed");
    }

    @Test
    void refusesStaleTimestampsPastEachVersionsWindow() {
        Clock twentyMinutesAgo = Clock.offset(clock, Duration.ofMinutes(-20));
        SimulatorClient stale = new SimulatorClient(port, twentyMinutesAgo);
        assertError(
                stale.v3(RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, describe(pgInstance())),
                400,
                "InvalidTimeStamp.Expired");
        assertThat(stale.v1("GET", RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, describe(pgInstance()))
                        .statusCode())
                .as("V1 allows 31 minutes")
                .isEqualTo(200);

        SimulatorClient older = new SimulatorClient(port, Clock.offset(clock, Duration.ofMinutes(-32)));
        assertError(
                older.v1("GET", RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, describe(pgInstance())),
                400,
                "InvalidTimeStamp.Expired");
    }

    @Test
    void refusesAMalformedTimestamp() {
        HttpResponse<String> response = client.v3(
                "POST",
                RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT,
                describe(pgInstance()),
                SimulatorClient.CREDENTIALS,
                builder -> builder.setHeader("x-acs-date", "yesterday"));

        assertError(response, 400, "InvalidTimeStamp.Format");
    }

    @Test
    void refusesAnUnsignedAcsHeader() {
        HttpResponse<String> response = client.v3(
                "POST",
                RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT,
                describe(pgInstance()),
                SimulatorClient.CREDENTIALS,
                builder -> builder.header("x-acs-extra", "smuggled"));

        assertError(response, 400, "IncompleteSignature");
    }

    @Test
    void refusesABodyThatDoesNotMatchItsPayloadHash() {
        HttpResponse<String> response = client.v3(
                "POST",
                RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT,
                describe(pgInstance()),
                SimulatorClient.CREDENTIALS,
                builder -> builder.POST(HttpRequest.BodyPublishers.ofString("extra")));

        assertError(response, 400, "SignatureDoesNotMatch");
    }

    @Test
    void refusesRequestsWithNoOrSeveralAuthenticationModes() {
        Map<String, String> unsigned = Map.of(
                "Action", RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT,
                "Version", RdsActions.VERSION,
                "DBInstanceName", pgInstance());
        assertError(
                client.send(client.request("/?" + SimulatorClient.query(unsigned))
                        .GET()
                        .build()),
                400,
                "IncompleteSignature");

        HttpResponse<String> mixed = client.v3(
                "POST",
                RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT,
                describe(pgInstance()),
                SimulatorClient.CREDENTIALS,
                builder -> builder.header("x-acs-bearer-token", "simulator-token"));
        assertError(mixed, 400, "IncompleteSignature");
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

    static JsonNode assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = SimulatorClient.json(response);
        assertThat(body.path("Code").asString()).as(response.body()).isEqualTo(code);
        return body;
    }
}
