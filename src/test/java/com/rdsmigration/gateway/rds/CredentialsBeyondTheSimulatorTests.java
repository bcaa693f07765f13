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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The embedded default (simulator on, no rds.auth credentials) pointed at another endpoint signs with the Alibaba Cloud
 * credentials of its environment, never the simulator's demo ones: an endpoint of the test's own checks what arrives
 * with {@link IndependentSignatures}, code that shares nothing with the gateway's signer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialsBeyondTheSimulatorTests {

    static final List<String> VERSIONS = List.of("v3", "v1");
    static final String ACCESS_KEY_ID = "LTAI5tTrialOfTheRealOne";
    static final String ACCESS_KEY_SECRET = "trial-secret-of-the-environment";
    static final Pattern V3 =
            Pattern.compile("ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=(\\p{XDigit}{64})");

    /** One request as it arrived. */
    record Arrival(String method, String rawQuery, Map<String, String> headers, byte[] body) {}

    /** An endpoint of the test's own, keeping what arrives at it. */
    record Endpoint(HttpServer server, List<Arrival> arrivals) {}

    final Map<String, Endpoint> endpoints = new TreeMap<>();
    final Map<String, CompletableFuture<GatewayProcess>> gateways = new TreeMap<>();
    final ExecutorService starters = Executors.newFixedThreadPool(VERSIONS.size());

    /**
     * An endpoint and a gateway pointed at it for each signature version; the two gateways, each a JVM of its own (their
     * credentials are in their environment), start side by side rather than one after the other.
     */
    @BeforeAll
    void startEndpointsAndGateways() throws IOException {
        for (String version : VERSIONS) {
            Endpoint endpoint = new Endpoint(
                    HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), new CopyOnWriteArrayList<>());
            endpoint.server().createContext("/", exchange -> answer(exchange, endpoint.arrivals()));
            endpoint.server().start();
            endpoints.put(version, endpoint);
        }
        Map<String, String> environment = Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID", ACCESS_KEY_ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", ACCESS_KEY_SECRET);
        for (String version : VERSIONS) {
            int port = endpoints.get(version).server().getAddress().getPort();
            JdbcConnectionDetails schema = TestDatabase.newSchema();
            gateways.put(
                    version,
                    CompletableFuture.supplyAsync(
                            () -> GatewayProcess.startEmbeddedDefault(
                                    "credentials-" + version,
                                    schema,
                                    port,
                                    Map.of("rds.auth.signature-version", version),
                                    environment),
                            starters));
        }
    }

    @AfterAll
    void stopGatewaysAndEndpoints() {
        gateways.values().forEach(gateway -> gateway.thenAccept(GatewayProcess::close));
        starters.shutdown();
        endpoints.values().forEach(endpoint -> endpoint.server().stop(0));
    }

    private static void answer(HttpExchange exchange, List<Arrival> arrivals) throws IOException {
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
    @ValueSource(strings = {"v3", "v1"}) // each of VERSIONS
    void signsWithTheEnvironmentsCredentialsWhenTheEndpointIsNotTheEmbeddedSimulator(String version) {
        try (GatewayProcess gateway = gateways.get(version).join()) {
            HttpResponse<String> created =
                    new GatewayApi(gateway.port(), GatewayApi.TEAM_A).post("/api/v1/imports", GatewayApi.newImport());

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        Arrival arrival = endpoints.get(version).arrivals().stream()
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
