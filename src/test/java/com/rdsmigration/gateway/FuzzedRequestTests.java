package com.rdsmigration.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.RawHttp;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
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

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void randomAndMalformedRequestsGetProblemsNeverA5xxAndRejectedOnesLeaveNothingBehind() {
        RawHttp raw = new RawHttp(port);
        FuzzRequests requests = new FuzzRequests(SEED);
        Set<UUID> auditBefore = new HashSet<>(jdbc.sql("select id from audit_event").query(UUID.class).list());
        long tasksBefore = tasks();
        long upstreamBefore = upstreamCalls();
        Set<String> acceptedRequestIds = new HashSet<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int created = 0;

        for (int i = 0; i < REQUESTS; i++) {
            FuzzRequests.Request request = requests.next(i);
            RawHttp.Response response = raw.exchange(request.head(), request.body());
            statuses.merge(response.status(), 1, Integer::sum);
            check(request, response);
            if (response.status() < 300 && response.header("X-Request-Id") != null) {
                acceptedRequestIds.add(response.header("X-Request-Id"));
            }
            if (response.status() == 201 && !"true".equals(response.header("Idempotent-Replayed"))) {
                created++;
            }
        }

        List<Map<String, Object>> newEvents = jdbc.sql("select id, correlation_id, principal from audit_event")
                .query()
                .listOfRows()
                .stream()
                .filter(event -> !auditBefore.contains((UUID) event.get("id")))
                .toList();
        System.out.printf("Fuzzed %d requests (seed %d): statuses %s, %d created, %d upstream calls%n",
                REQUESTS, SEED, statuses, created, newEvents.size());
        assertThat(upstreamCalls() - upstreamBefore)
                .as("every upstream call during the run is on the audit trail")
                .isEqualTo(newEvents.size());
        assertThat(newEvents)
                .as("upstream calls come only from accepted requests")
                .allSatisfy(event -> assertThat(acceptedRequestIds).contains((String) event.get("correlation_id")));
        assertThat(tasks() - tasksBefore).as("a task row for each 201, none for a refusal").isEqualTo(created);
        assertThat(statuses.keySet())
                .as("the run reached the API's refusals, not only one of them")
                .contains(400, 401, 404, 405, 415);
        assertThat(created).as("some requests were valid by chance and went through").isPositive();
    }

    private void check(FuzzRequests.Request request, RawHttp.Response response) {
        String what = "request " + request.number() + " (seed " + SEED + "): " + request.description() + " answered "
                + response.status() + " " + abbreviate(response.body());
        if (response.status() >= 500) {
            fail("a 5xx: " + what);
        }
        if (response.status() < 400 || request.method().equals("HEAD")) {
            return;
        }
        assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.status());
        assertThat(problem.path("title").asString("")).as(what).isNotBlank();
        assertThat(response.body()).as(what).doesNotContain("Exception", "\tat ");
    }

    private long tasks() {
        return jdbc.sql("select (select count(*) from import_task) + (select count(*) from cloud_migration_task)")
                .query(Long.class)
                .single();
    }

    private long upstreamCalls() {
        JsonNode counts = HttpTestClient.json(new HttpTestClient(port).get("/rds-simulator/_control/calls"))
                .path("counts");
        long total = 0;
        for (JsonNode count : counts) {
            total += count.asLong();
        }
        return total;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
