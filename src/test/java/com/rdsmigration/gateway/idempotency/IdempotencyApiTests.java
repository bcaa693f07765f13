package com.rdsmigration.gateway.idempotency;

import static com.rdsmigration.gateway.idempotency.IdempotentImports.IMPORTS;
import static com.rdsmigration.gateway.idempotency.IdempotentImports.IMPORT_ACTION;
import static com.rdsmigration.gateway.idempotency.IdempotentImports.assertProblem;
import static com.rdsmigration.gateway.idempotency.IdempotentImports.importBody;
import static com.rdsmigration.gateway.idempotency.IdempotentImports.newInstance;
import static com.rdsmigration.gateway.idempotency.IdempotentImports.newKey;
import static com.rdsmigration.gateway.idempotency.IdempotentImports.replayed;
import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Idempotency-Key end to end: real HTTP, keys on PostgreSQL, the simulator's call log as the upstream's witness. A
 * repeated key replays the first answer without a second upstream call, once among concurrent requests too; another
 * body or a malformed key is refused; keys are per team. After failures: {@link IdempotencyAfterFailureTests}.
 */
@IntegrationTest
class IdempotencyApiTests {

    @LocalServerPort
    int port;

    GatewayApi teamA;

    @BeforeEach
    void setUp() {
        teamA = new GatewayApi(port, GatewayApi.TEAM_A);
    }

    @Test
    void replaysTheFirstAnswerToARepeatedKeyWithoutASecondUpstreamCall() {
        String body = importBody(newInstance(), newInstance());
        String key = newKey();
        long before = teamA.upstreamCalls(IMPORT_ACTION);

        HttpResponse<String> first = teamA.post(IMPORTS, body, key);
        HttpResponse<String> second = teamA.post(IMPORTS, body, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(replayed(first)).isFalse();
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(replayed(second)).isTrue();
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Location"))
                .isPresent()
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(second.headers().firstValue("Content-Type"))
                .isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(second.headers().firstValue("X-Request-Id"))
                .isNotEqualTo(first.headers().firstValue("X-Request-Id"));
        assertThat(teamA.upstreamCalls(IMPORT_ACTION)).isEqualTo(before + 1);
    }

    @Test
    void refusesTheKeyWithAnotherBodyWith422AndNoUpstreamCall() {
        String key = newKey();
        assertThat(teamA.post(IMPORTS, importBody(newInstance(), newInstance()), key)
                        .statusCode())
                .isEqualTo(201);
        long before = teamA.upstreamCalls(IMPORT_ACTION);

        HttpResponse<String> other = teamA.post(IMPORTS, importBody(newInstance(), newInstance()), key);

        assertProblem(other, 422);
        assertThat(json(other).path("detail").asString()).contains("Idempotency-Key");
        assertThat(teamA.upstreamCalls(IMPORT_ACTION)).isEqualTo(before);
    }

    @Test
    void letsExactlyOneOfEightConcurrentRequestsWithOneKeyReachTheUpstream() throws Exception {
        String target = newInstance();
        String body = importBody(newInstance(), target);
        String key = newKey();
        long before = teamA.upstreamCalls(IMPORT_ACTION);
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return teamA.post(IMPORTS, body, key);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(teamA.upstreamCalls(IMPORT_ACTION)).isEqualTo(before + 1);
        assertThat(answers).extracting(HttpResponse::statusCode).allMatch(status -> status == 201 || status == 409);
        List<HttpResponse<String>> created =
                answers.stream().filter(r -> r.statusCode() == 201).toList();
        assertThat(created).filteredOn(r -> !replayed(r)).hasSize(1);
        assertThat(created)
                .extracting(HttpResponse::body)
                .containsOnly(created.get(0).body());
        answers.stream().filter(r -> r.statusCode() == 409).forEach(r -> assertProblem(r, 409));
        assertThat(json(teamA.get(IMPORTS + "?instance=" + target))
                        .path("totalItems")
                        .asLong())
                .isOne();
        HttpResponse<String> afterwards = teamA.post(IMPORTS, body, key);
        assertThat(replayed(afterwards)).isTrue();
        assertThat(afterwards.body()).isEqualTo(created.get(0).body());
    }

    @Test
    void scopesKeysToTheCallersTeam() {
        GatewayApi teamB = teamA.as(GatewayApi.TEAM_B);
        String key = newKey();
        String bodyA = importBody(newInstance(), newInstance());
        String bodyB = importBody(GatewayApi.newInstance("rm", "team-b"), GatewayApi.newInstance("rm", "team-b"));
        long before = teamA.upstreamCalls(IMPORT_ACTION);

        HttpResponse<String> fromA = teamA.post(IMPORTS, bodyA, key);
        HttpResponse<String> fromB = teamB.post(IMPORTS, bodyB, key);

        assertThat(fromA.statusCode()).isEqualTo(201);
        assertThat(fromB.statusCode()).as(fromB.body()).isEqualTo(201);
        assertThat(replayed(fromB)).isFalse();
        assertThat(json(fromB).path("team").asString()).isEqualTo("team-b");
        assertThat(json(fromB).path("id")).isNotEqualTo(json(fromA).path("id"));
        assertThat(teamB.post(IMPORTS, bodyB, key).body()).isEqualTo(fromB.body());
        assertThat(teamA.post(IMPORTS, bodyA, key).body()).isEqualTo(fromA.body());
        assertThat(teamA.upstreamCalls(IMPORT_ACTION)).isEqualTo(before + 2);
    }

    @Test
    void refusesAMalformedKeyWith400NamingTheHeader() {
        long before = teamA.upstreamCalls(IMPORT_ACTION);

        HttpResponse<String> refused = teamA.post(IMPORTS, importBody(newInstance(), newInstance()), "k".repeat(300));

        assertProblem(refused, 400);
        JsonNode problem = json(refused);
        assertThat(problem.path("detail").asString()).contains("Idempotency-Key");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(teamA.upstreamCalls(IMPORT_ACTION)).isEqualTo(before);
    }

    @Test
    void replaysTheFirstAnswerToARepeatedCancelButNotTheGatewaysOwnConflict() {
        HttpResponse<String> created = teamA.post(IMPORTS, importBody(newInstance(), newInstance()));
        String cancel = IMPORTS + "/" + json(created).path("id").asString() + "/cancel";
        String key = newKey();
        long before = teamA.upstreamCalls("CancelImport");

        HttpResponse<String> first = teamA.post(cancel, "", key);
        HttpResponse<String> second = teamA.post(cancel, "", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(replayed(second)).isTrue();
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(teamA.upstreamCalls("CancelImport")).isEqualTo(before + 1);

        String otherKey = newKey();
        HttpResponse<String> conflict = teamA.post(cancel, "", otherKey);
        HttpResponse<String> conflictAgain = teamA.post(cancel, "", otherKey);
        assertProblem(conflict, 409);
        assertProblem(conflictAgain, 409);
        assertThat(replayed(conflictAgain)).isFalse();
    }
}
