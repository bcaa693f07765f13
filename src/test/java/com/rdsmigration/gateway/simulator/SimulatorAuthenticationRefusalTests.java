package com.rdsmigration.gateway.simulator;

import static com.rdsmigration.gateway.simulator.RpcCalls.assertError;
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
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The RPC endpoint refuses, as RDS does, requests whose bearer token, secret, access key, signed parameters, body,
 * nonce, timestamp or authentication mode is wrong.
 */
@IntegrationTest
class SimulatorAuthenticationRefusalTests {

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
}
