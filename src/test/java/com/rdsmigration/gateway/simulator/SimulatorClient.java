package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.signing.AccessKeyCredentials;
import com.rdsmigration.gateway.rds.signing.NonceSource;
import com.rdsmigration.gateway.rds.signing.PercentEncoding;
import com.rdsmigration.gateway.rds.signing.RequestSigner;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.support.HttpTestClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Sends real signed RPC requests to the simulator over HTTP, the way Alibaba's SDKs and the gateway do. */
final class SimulatorClient {

    static final AccessKeyCredentials CREDENTIALS = AccessKeyCredentials.of("simulator-ak", "simulator-secret");
    static final String BEARER_TOKEN = "simulator-token";

    final HttpTestClient http;
    final int port;
    private final RequestSigner signer;

    SimulatorClient(int port, Clock clock) {
        this(port, new RequestSigner(clock, NonceSource.random()));
    }

    SimulatorClient(int port, RequestSigner signer) {
        this.http = new HttpTestClient(port);
        this.port = port;
        this.signer = signer;
    }

    /** V3, business parameters in the query, empty body: what SDK 1.8.4 sends. */
    HttpResponse<String> v3(String action, Map<String, String> parameters) {
        return v3("POST", action, parameters, CREDENTIALS, builder -> {});
    }

    HttpResponse<String> v3(
            String method,
            String action,
            Map<String, String> parameters,
            AccessKeyCredentials credentials,
            Consumer<HttpRequest.Builder> tweak) {
        Map<String, String> headers = signer.signV3(
                method, "127.0.0.1:" + port, action, RdsActions.VERSION, parameters, new byte[0], null, credentials);
        HttpRequest.Builder builder = request("/?" + query(parameters));
        headers.forEach(builder::header);
        builder.method(method, HttpRequest.BodyPublishers.noBody());
        tweak.accept(builder);
        return http.send(builder.build());
    }

    /** V3 with the business parameters in a form body, which the payload hash then covers. */
    HttpResponse<String> v3Form(String action, Map<String, String> parameters) {
        byte[] body = query(parameters).getBytes(StandardCharsets.UTF_8);
        String contentType = "application/x-www-form-urlencoded";
        Map<String, String> headers = signer.signV3(
                "POST", "127.0.0.1:" + port, action, RdsActions.VERSION, Map.of(), body, contentType, CREDENTIALS);
        HttpRequest.Builder builder = request("/");
        headers.forEach(builder::header);
        return http.send(
                builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** V1 with every parameter in the query. */
    HttpResponse<String> v1(String method, String action, Map<String, String> parameters) {
        Map<String, String> signed = signer.signV1(method, action, RdsActions.VERSION, parameters, CREDENTIALS);
        return http.send(request("/?" + query(signed))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** V1 the way SDK 1.0.4 sends it: common parameters in the query, business ones in a form body. */
    HttpResponse<String> v1Form(String action, Map<String, String> parameters) {
        Map<String, String> signed = signer.signV1("POST", action, RdsActions.VERSION, parameters, CREDENTIALS);
        Map<String, String> common = new LinkedHashMap<>(signed);
        common.keySet().removeAll(parameters.keySet());
        return http.send(request("/?" + query(common))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(query(parameters)))
                .build());
    }

    /** Bearer token in the {@code x-acs-bearer-token} header, action in {@code x-acs-*} headers. */
    HttpResponse<String> bearer(String action, Map<String, String> parameters, String token) {
        return http.send(request("/?" + query(parameters))
                .header("x-acs-action", action)
                .header("x-acs-version", RdsActions.VERSION)
                .header("x-acs-bearer-token", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    HttpResponse<String> putFaults(String json) {
        return control("PUT", "/faults", json);
    }

    HttpResponse<String> clearFaults() {
        return putFaults("{}");
    }

    JsonNode calls() {
        return json(control("GET", "/calls", null));
    }

    HttpResponse<String> putInstance(String id, String json) {
        return control("PUT", "/instances/" + id, json);
    }

    HttpResponse<String> control(String method, String path, String json) {
        HttpRequest.BodyPublisher body =
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return http.send(request("/rds-simulator/_control" + path)
                .header("Content-Type", "application/json")
                .method(method, body)
                .build());
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return http.request(pathAndQuery).version(HttpClient.Version.HTTP_1_1);
    }

    HttpResponse<String> send(HttpRequest request) {
        return http.send(request);
    }

    static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> PercentEncoding.encode(e.getKey()) + "=" + PercentEncoding.encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static JsonNode json(HttpResponse<String> response) {
        return HttpTestClient.json(response);
    }
}
