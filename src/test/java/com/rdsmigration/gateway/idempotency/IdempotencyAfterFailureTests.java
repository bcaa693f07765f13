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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an Idempotency-Key holds after its request failed, end to end with the simulator's faults: nothing when the
 * gateway refused the request (validation, authentication) or the upstream provably did not act, so a retry goes
 * through; the answer, replayed, when the upstream refused for good or may have acted, so a retry never sends twice.
 */
@IntegrationTest
class IdempotencyAfterFailureTests {

    @LocalServerPort
    int port;

    GatewayApi teamA;

    @BeforeEach
    void setUp() {
        teamA = new GatewayApi(port, GatewayApi.TEAM_A);
    }

    @Test
    void doesNotRememberAKeyWhoseRequestFailedValidation() {
        String source = newInstance();
        String target = newInstance();
        String key = newKey();

        HttpResponse<String> invalid = teamA.post(
                IMPORTS,
                "{\"sourceInstanceId\":\"" + source + "\",\"targetInstanceId\":\"" + target + "\",\"databases\":[]}",
                key);
        HttpResponse<String> fixed = teamA.post(IMPORTS, importBody(source, target), key);

        assertProblem(invalid, 400);
        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(201);
        assertThat(replayed(fixed)).isFalse();
    }

    @Test
    void doesNotRememberAKeyWhoseRequestFailedAuthentication() {
        String body = importBody(newInstance(), newInstance());
        String key = newKey();

        HttpResponse<String> unauthenticated = teamA.as("not-a-key").post(IMPORTS, body, key);
        HttpResponse<String> authenticated = teamA.post(IMPORTS, body, key);

        assertProblem(unauthenticated, 401);
        assertThat(authenticated.statusCode()).isEqualTo(201);
        assertThat(replayed(authenticated)).isFalse();
    }

    @Test
    void replaysADefinitiveUpstreamRefusal() {
        String body = importBody(newInstance(), newInstance());
        String key = newKey();
        teamA.putFaults("{\"errorRate\": 1.0, \"errorCode\": \"IncorrectDBInstanceState\", \"httpStatus\": 403,"
                + " \"actions\": [\"" + IMPORT_ACTION + "\"]}");
        HttpResponse<String> refused;
        try {
            refused = teamA.post(IMPORTS, body, key);
        } finally {
            teamA.putFaults("{}");
        }
        long before = teamA.upstreamCalls(IMPORT_ACTION);

        HttpResponse<String> again = teamA.post(IMPORTS, body, key);

        assertProblem(refused, 409);
        assertThat(json(refused).path("upstreamCode").asString()).isEqualTo("IncorrectDBInstanceState");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(replayed(again)).isTrue();
        assertThat(again.body()).isEqualTo(refused.body());
        assertThat(teamA.upstreamCalls(IMPORT_ACTION)).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({"Throttling.User, 400, 429"})
    void releasesTheKeyWhenTheUpstreamProvablyDidNotAct(String code, int upstreamStatus, int status) {
        String body = importBody(newInstance(), newInstance());
        String key = newKey();
        teamA.putFaults("{\"errorRate\": 1.0, \"errorCode\": \"" + code + "\", \"httpStatus\": " + upstreamStatus
                + ", \"actions\": [\"" + IMPORT_ACTION + "\"]}");
        HttpResponse<String> unavailable;
        try {
            unavailable = teamA.post(IMPORTS, body, key);
        } finally {
            teamA.putFaults("{}");
        }

        HttpResponse<String> retried = teamA.post(IMPORTS, body, key);

        assertProblem(unavailable, status);
        assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(replayed(retried)).isFalse();
    }

    @Test
    void keepsTheKeyWhenTheUpstreamMayHaveActedSoARetryNeverSendsItTwice() {
        String body = importBody(newInstance(), newInstance());
        String key = newKey();
        teamA.putFaults("{\"errorRate\": 1.0, \"errorCode\": \"ServiceUnavailable\", \"httpStatus\": 503,"
                + " \"actions\": [\"" + IMPORT_ACTION + "\"]}");
        HttpResponse<String> unknown;
        try {
            unknown = teamA.post(IMPORTS, body, key);
        } finally {
            teamA.putFaults("{}");
        }
        long before = teamA.upstreamCalls(IMPORT_ACTION);

        HttpResponse<String> retried = teamA.post(IMPORTS, body, key);

        assertProblem(unknown, 503);
        assertThat(json(unknown).path("outcome").asString()).isEqualTo("UNKNOWN");
        assertThat(json(unknown).path("taskId").asString()).isNotBlank();
        assertThat(replayed(retried)).isTrue();
        assertThat(retried.body()).isEqualTo(unknown.body());
        assertThat(teamA.upstreamCalls(IMPORT_ACTION)).isEqualTo(before);
        assertThat(json(teamA.get("/api/v1/imports/"
                                + json(unknown).path("taskId").asString()))
                        .path("status")
                        .asString())
                .isEqualTo("UNKNOWN");
    }
}
