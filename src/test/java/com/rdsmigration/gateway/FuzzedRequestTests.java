package com.rdsmigration.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.RawHttp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ten thousand random and malformed requests ({@link FuzzRequests}) to every endpoint, over raw sockets so that nothing
 * is tidied up on the way: none may answer 5xx, every error must be a problem ({@code application/problem+json} with
 * its status, a title and no stack trace), and a rejected request must leave nothing behind. The last is checked on the
 * whole run: every upstream call during it is on the audit trail (the simulator's count equals the new audit events),
 * every new audit event belongs to a request that was answered 2xx, and the new task rows are exactly the 201s. Replay
 * a failure with {@code -Dfuzz.seed=<seed>}.
 */
@IntegrationTest
class FuzzedRequestTests {

    static final long SEED = Long.getLong("fuzz.seed", 20261203L);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer to a request the gateway accepted: a success, or a problem that carries the upstream's refusal. */
    static final Pattern ACCEPTED = Pattern.compile("(?s)2\\d\\d .*|.*\"upstream(Code|RequestId)\".*");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** The webhooks there were before the run. */
    Set<UUID> webhooksBeforeTheRun;

    @BeforeEach
    void noteTheWebhooks() {
        webhooksBeforeTheRun = new HashSet<>(jdbc.sql("select id from webhook_subscription")
                .query(UUID.class)
                .list());
    }

    /**
     * The webhooks the run created (its URLs name port 9 of this machine, where nothing listens) are removed as a team
     * removes its own: left in the shared test application, each would get a delivery of every later change of its
     * team's tasks, tried and failed again and again for the rest of the test run.
     */
    @AfterEach
    void removeTheRunsWebhooks() {
        GatewayApi admin = new GatewayApi(port, GatewayApi.ADMIN);
        for (UUID id : jdbc.sql("select id from webhook_subscription")
                .query(UUID.class)
                .list()) {
            if (!webhooksBeforeTheRun.contains(id)) {
                assertThat(admin.delete("/api/v1/webhooks/" + id).statusCode()).isEqualTo(204);
            }
        }
    }

    @Test
    void randomAndMalformedRequestsGetProblemsNeverA5xxAndRejectedOnesLeaveNothingBehind() {
        RawHttp raw = new RawHttp(port);
        FuzzRequests requests = new FuzzRequests(SEED);
        Set<UUID> auditBefore = new HashSet<>(
                jdbc.sql("select id from audit_event").query(UUID.class).list());
        long tasksBefore = tasks();
        long upstreamBefore = upstreamCalls();
        Map<String, String> answers = new HashMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int created = 0;
        int webhooksCreated = 0;
        long webhooksBefore = webhooks();
        Map<String, String> faults = new TreeMap<>();

        for (int i = 0; i < REQUESTS; i++) {
            FuzzRequests.Request request = requests.next(i);
            RawHttp.Response response = raw.exchange(request.head(), request.body());
            statuses.merge(response.status(), 1, Integer::sum);
            String fault = fault(request, response);
            if (fault != null) {
                // One example of each kind of fault, so a run shows all of them at once.
                faults.putIfAbsent(
                        fault + " " + response.status() + " to " + request.method(),
                        "request " + request.number() + ": " + request.description() + " answered " + response.status()
                                + " " + abbreviate(response.body()));
            }
            String requestId = response.header("X-Request-Id");
            if (requestId != null) {
                // Junk request ids repeat: a request id counts as accepted when any request that carried it was.
                String answer = response.status() + " " + response.body();
                answers.merge(
                        requestId,
                        answer,
                        (earlier, later) -> ACCEPTED.matcher(earlier).matches() ? earlier : later);
            }
            if (response.status() == 201 && !"true".equals(response.header("Idempotent-Replayed"))) {
                if (request.target().startsWith("/api/v1/webhooks")) {
                    webhooksCreated++;
                } else {
                    created++;
                }
            }
        }

        // A call refused for naming another team's instance leaves a REFUSED event and sends nothing.
        List<Map<String, Object>> newEvents = jdbc
                .sql("select id, correlation_id, principal, action from audit_event where outcome <> 'REFUSED'")
                .query()
                .listOfRows()
                .stream()
                .filter(event -> !auditBefore.contains((UUID) event.get("id")))
                .toList();
        System.out.printf(
                "Fuzzed %d requests (seed %d): statuses %s, %d created, %d upstream calls%n",
                REQUESTS, SEED, statuses, created, newEvents.size());
        assertThat(faults).as("faults (seed %d)", SEED).isEmpty();
        assertThat(upstreamCalls() - upstreamBefore)
                .as("every upstream call during the run is on the audit trail")
                .isEqualTo(newEvents.size());
        assertThat(newEvents)
                .as("upstream calls come only from accepted requests, but for the reads of an instance's resource"
                        + " group that decide whether a request is accepted")
                .filteredOn(event -> !"DescribeDBInstanceAttribute".equals(event.get("action")))
                .allSatisfy(event -> assertThat(answers.get((String) event.get("correlation_id")))
                        .as("the answer to %s", event.get("correlation_id"))
                        .matches(ACCEPTED));
        assertThat(tasks() - tasksBefore)
                .as("a task row for each 201, none for a refusal")
                .isEqualTo(created);
        assertThat(statuses.keySet())
                .as("the run reached the API's refusals, not only one of them")
                .contains(400, 401, 403, 404, 405, 415);
        assertThat(created)
                .as("some requests were valid by chance and went through")
                .isPositive();
    }

    /** What is wrong with the answer, or {@code null}. */
    private static @Nullable String fault(FuzzRequests.Request request, RawHttp.Response response) {
        if (response.status() >= 500) {
            return "a 5xx";
        }
        if (response.status() < 400 || request.method().equals("HEAD")) {
            return null;
        }
        String contentType = response.header("Content-Type");
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "an error that is not a problem (" + contentType + ")";
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (RuntimeException notJson) {
            return "a problem that is not JSON";
        }
        if (problem.path("status").asInt() != response.status()
                || problem.path("title").asString("").isBlank()) {
            return "a problem without its status or title";
        }
        if (response.body().contains("Exception") || response.body().contains("\tat ")) {
            return "a problem that names an exception";
        }
        return null;
    }

    private long tasks() {
        return jdbc.sql("select (select count(*) from import_task) + (select count(*) from cloud_migration_task)")
                .query(Long.class)
                .single();
    }

    private long webhooks() {
        return jdbc.sql("select count(*) from webhook_subscription")
                .query(Long.class)
                .single();
    }

    private long upstreamCalls() {
        return new GatewayApi(port, null).upstreamCalls();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
