package com.rdsmigration.gateway.cloudmigration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The answers' replicationInfo is the upstream's JSON object, or an object holding its text, or null: one type. */
class ReplicationInfoTests {

    final CloudMigrationResponses responses =
            new CloudMigrationResponses(JsonMapper.builder().build());

    @Test
    void passesTheUpstreamsObjectOn() {
        assertThat(responses
                        .parse("{\"Status\":\"streaming\",\"ReplayLag\":\"0\"}")
                        .path("Status")
                        .asString())
                .isEqualTo("streaming");
    }

    @Test
    void wrapsAnythingElseAsText() {
        assertThat(responses.parse("streaming, lag 0").path("text").asString()).isEqualTo("streaming, lag 0");
        assertThat(responses.parse("[1,2]").path("text").asString()).isEqualTo("[1,2]");
        assertThat(responses.parse("\"quoted\"").isObject()).isTrue();
        assertThat(responses.parse(" ")).isNull();
        assertThat(responses.parse(null)).isNull();
    }
}
