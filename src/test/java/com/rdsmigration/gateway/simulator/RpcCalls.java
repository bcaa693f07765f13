package com.rdsmigration.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** What the tests of the simulator's RPC endpoint share: a describe call on a fresh instance, and its error answers. */
final class RpcCalls {

    private RpcCalls() {}

    static Map<String, String> describe(String instance) {
        return Map.of("DBInstanceName", instance);
    }

    static String pgInstance() {
        return "pgm-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonNode assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = SimulatorClient.json(response);
        assertThat(body.path("Code").asString()).as(response.body()).isEqualTo(code);
        return body;
    }
}
