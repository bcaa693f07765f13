package com.rdsmigration.gateway.support;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/** The gateway's REST API over real HTTP, as one team (its API key) sees it; plus the simulator's call log. */
public final class GatewayApi {

    public static final String TEAM_A = "demo-team-a-key";
    /** A second caller of team-a (another person), who may approve what the first created. */
    public static final String TEAM_A_REVIEWER = "demo-team-a-reviewer-key";

    public static final String TEAM_B = "demo-team-b-key";
    public static final String ADMIN = "demo-admin-key";

    private final HttpTestClient http;
    private final String apiKey;

    public GatewayApi(int port, String apiKey) {
        this.http = new HttpTestClient(port);
        this.apiKey = apiKey;
    }

    public GatewayApi as(String otherKey) {
        return new GatewayApi(http, otherKey);
    }

    private GatewayApi(HttpTestClient http, String apiKey) {
        this.http = http;
        this.apiKey = apiKey;
    }

    public HttpResponse<String> post(String path, String json) {
        return post(path, json, null);
    }

    public HttpResponse<String> post(String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = http.request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    public HttpResponse<String> get(String path) {
        return send(http.request(path).GET());
    }

    public HttpResponse<String> delete(String path) {
        return send(http.request(path).DELETE());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return http.send(request.build());
    }

    /** How many calls of all actions the simulator has received so far. */
    public long upstreamCalls() {
        long total = 0;
        for (JsonNode count :
                HttpTestClient.json(http.get("/rds-simulator/_control/calls")).path("counts")) {
            total += count.asLong();
        }
        return total;
    }

    /** How many calls of an action the simulator has received so far. */
    public long upstreamCalls(String action) {
        JsonNode calls = HttpTestClient.json(http.get("/rds-simulator/_control/calls"));
        return calls.path("counts").path(action).asLong(0);
    }

    /** How many calls of an action the simulator has answered with this error code so far. */
    public long answered(String action, String code) {
        JsonNode calls =
                HttpTestClient.json(http.get("/rds-simulator/_control/calls")).path("calls");
        long count = 0;
        for (JsonNode call : calls) {
            if (action.equals(call.path("action").asString())
                    && code.equals(call.path("code").asString())) {
                count++;
            }
        }
        return count;
    }

    /** When the simulator received each call of an action at or after {@code since} (real time), in order. */
    public List<Instant> arrivals(String action, Instant since) {
        JsonNode calls =
                HttpTestClient.json(http.get("/rds-simulator/_control/calls")).path("calls");
        List<Instant> arrivals = new ArrayList<>();
        for (JsonNode call : calls) {
            Instant arrived = Instant.parse(call.path("arrivedAt").asString());
            if (action.equals(call.path("action").asString()) && !arrived.isBefore(since)) {
                arrivals.add(arrived);
            }
        }
        arrivals.sort(null);
        return arrivals;
    }

    /** The RequestId and action of every call the simulator received at or after {@code since} (real time). */
    public Map<String, String> requestIds(Instant since) {
        JsonNode calls =
                HttpTestClient.json(http.get("/rds-simulator/_control/calls")).path("calls");
        Map<String, String> actions = new HashMap<>();
        for (JsonNode call : calls) {
            if (!Instant.parse(call.path("arrivedAt").asString()).isBefore(since)) {
                actions.put(
                        call.path("requestId").asString(), call.path("action").asString());
            }
        }
        return actions;
    }

    /** Sets the simulator's injected faults ({@code {}} clears them). */
    public void putFaults(String faultsJson) {
        HttpResponse<String> response = http.send(http.request("/rds-simulator/_control/faults")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(faultsJson))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Cannot set faults: " + response.statusCode() + " " + response.body());
        }
    }

    /** The team whose key this client sends: a demo team, or team-a's instances for the admin (who owns them all). */
    public String team() {
        return TEAM_B.equals(apiKey) ? "team-b" : "team-a";
    }

    /** Changes a simulated instance through the simulator's control API (engine, status, resource group). */
    public void putInstance(String instanceId, String json) {
        HttpResponse<String> response = http.send(http.request("/rds-simulator/_control/instances/" + instanceId)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Cannot set instance: " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * Sends {@code count} create-import requests at once, spread round-robin over {@code replicas}, each between
     * instances of its replica's team, and answers every answer once all have come back.
     */
    public static List<HttpResponse<String>> createImportsAtOnce(List<GatewayApi> replicas, int count) {
        ExecutorService callers = Executors.newFixedThreadPool(count);
        try {
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                GatewayApi replica = replicas.get(i % replicas.size());
                pending.add(callers.submit(() -> replica.post("/api/v1/imports", newImport(replica.team()))));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A create failed to get an answer", e.getCause());
        } finally {
            callers.shutdownNow();
        }
    }

    /** The body of a create-import request between a fresh pair of team-a's SQL Server instances. */
    public static String newImport() {
        return newImport("team-a");
    }

    /**
     * The body of a create-import request between a fresh pair of {@code team}'s SQL Server instances: the embedded
     * default's demo teams own {@code rm-a-*} and {@code rm-b-*}; a test's own team {@code x} is given {@code rm-x-*}.
     */
    public static String newImport(String team) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String prefix = instancePrefix("rm", team);
        return "{\"sourceInstanceId\":\"" + prefix + "src" + suffix + "\",\"targetInstanceId\":\"" + prefix + "dst"
                + suffix + "\",\"databases\":[\"sales\"]}";
    }

    /** A fresh id of one of {@code team}'s instances of {@code kind} ({@code rm} or {@code pgm}). */
    public static String newInstance(String kind, String team) {
        return instancePrefix(kind, team) + UUID.randomUUID().toString().substring(0, 12);
    }

    private static String instancePrefix(String kind, String team) {
        return kind + "-" + team.replaceFirst("^team-", "") + "-";
    }

    public static JsonNode json(HttpResponse<String> response) {
        return HttpTestClient.json(response);
    }
}
