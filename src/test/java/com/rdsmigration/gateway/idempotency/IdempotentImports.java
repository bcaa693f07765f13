package com.rdsmigration.gateway.idempotency;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Imports sent with an Idempotency-Key over the API, and how their answers are told apart: the API tests' vocabulary. */
final class IdempotentImports {

    static final String IMPORTS = "/api/v1/imports";
    static final String IMPORT_ACTION = "ImportDatabaseBetweenInstances";

    private IdempotentImports() {}

    static String newInstance() {
        return GatewayApi.newInstance("rm", "team-a");
    }

    static String importBody(String source, String target) {
        return "{\"sourceInstanceId\":\"" + source + "\",\"targetInstanceId\":\"" + target
                + "\",\"databases\":[\"sales\"]}";
    }

    static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    static boolean replayed(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Idempotent-Replayed")
                .filter("true"::equals)
                .isPresent();
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("status").asInt()).isEqualTo(status);
    }
}
