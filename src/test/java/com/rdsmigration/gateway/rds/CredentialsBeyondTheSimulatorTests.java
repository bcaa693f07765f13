package com.rdsmigration.gateway.rds;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.GatewayProcess;
import com.rdsmigration.gateway.support.TestDatabase;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedded default (simulator on, no rds.auth credentials) pointed at another endpoint signs with the Alibaba Cloud
 * credentials of its environment, never the simulator's demo ones: an endpoint of the test's own checks what arrives
 * with {@link IndependentSignatures}, code that shares nothing with the gateway's signer.
 */
class CredentialsBeyondTheSimulatorTests {

    static final String ACCESS_KEY_ID = "LTAI5tTrialOfTheRealOne";
    static final String ACCESS_KEY_SECRET = "trial-secret-of-the-environment";
    static final Pattern V3 =
            Pattern.compile("ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=(\\p{XDigit}{64})");

    /** One request as it arrived. */
    record Arrival(String method, String rawQuery, Map<String, String> headers, byte[] body) {}

    final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    HttpServer endpoint;

    @BeforeEach
    void startEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/", this::answer);
        endpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        arrivals.add(new Arrival(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawQuery(),
                headers,
                exchange.getRequestBody().readAllBytes()));
        byte[] body = "{\"RequestId\":\"7D3B6E0A-0000-4000-8000-000000000001\",\"ImportId\":\"85265499999\"}"
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @ParameterizedTest(name = "signature {0}")
    @ValueSource(strings = {"v3", "v1"})
    void signsWithTheEnvironmentsCredentialsWhenTheEndpointIsNotTheEmbeddedSimulator(String version) {
        Map<String, String> settings = Map.of("rds.auth.signature-version", version);
        Map<String, String> environment = Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID", ACCESS_KEY_ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", ACCESS_KEY_SECRET);
        try (GatewayProcess gateway = GatewayProcess.startEmbeddedDefault(
                "credentials-" + version,
                TestDatabase.newSchema(),
                endpoint.getAddress().getPort(),
                settings,
                environment)) {
            HttpResponse<String> created =
                    new GatewayApi(gateway.port(), GatewayApi.TEAM_A).post("/api/v1/imports", GatewayApi.newImport());

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        Arrival arrival = arrivals.stream()
                .filter(call -> String.valueOf(call.rawQuery()).contains("ImportDatabaseBetweenInstances")
                        || "ImportDatabaseBetweenInstances"
                                .equals(call.headers().get("x-acs-action")))
                .findFirst()
                .orElseThrow();
        Map<String, String> query = IndependentSignatures.query(arrival.rawQuery());
        if (version.equals("v3")) {
            Matcher authorization = V3.matcher(arrival.headers().getOrDefault("authorization", ""));
            assertThat(authorization.matches()).as(arrival.headers().toString()).isTrue();
            assertThat(authorization.group(1)).isEqualTo(ACCESS_KEY_ID);
            assertThat(IndependentSignatures.v3(
                            arrival.method(),
                            query,
                            arrival.headers(),
                            authorization.group(2),
                            arrival.body(),
                            ACCESS_KEY_SECRET))
                    .isEqualTo(authorization.group(3));
        } else {
            Map<String, String> parameters = new TreeMap<>(query);
            parameters.putAll(IndependentSignatures.query(new String(arrival.body(), StandardCharsets.UTF_8)));
            assertThat(parameters).containsEntry("AccessKeyId", ACCESS_KEY_ID);
            assertThat(IndependentSignatures.v1(arrival.method(), parameters, ACCESS_KEY_SECRET))
                    .isEqualTo(parameters.get("Signature"));
        }
    }
}
