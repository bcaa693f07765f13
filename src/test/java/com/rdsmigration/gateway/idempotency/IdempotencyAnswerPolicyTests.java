package com.rdsmigration.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which answers use up a key (replayed later) and which release it for a retry. */
class IdempotencyAnswerPolicyTests {

    static StoredAnswer answer(int status, String body) {
        return new StoredAnswer(status, "application/json", null, body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204})
    void remembersSuccesses(int status) {
        assertThat(AnswerPolicy.remembers(answer(status, "{}"))).isTrue();
        assertThat(AnswerPolicy.remembers(answer(status, ""))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {409, 502})
    void remembersDefinitiveUpstreamRefusals(int status) {
        assertThat(AnswerPolicy.remembers(
                        answer(status, "{\"status\":" + status + ",\"upstreamCode\":\"IncorrectDBInstanceState\"}")))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {409, 502})
    void releasesTheGatewaysOwnConflictsAndUpstreamErrorsWithoutAnUpstreamCode(int status) {
        assertThat(AnswerPolicy.remembers(answer(status, "{\"status\":" + status + "}")))
                .isFalse();
        assertThat(AnswerPolicy.remembers(answer(status, "{\"upstreamCode\":\"\"}")))
                .isFalse();
        assertThat(AnswerPolicy.remembers(answer(status, "{\"upstreamCode\":42}")))
                .isFalse();
        assertThat(AnswerPolicy.remembers(answer(status, "not json"))).isFalse();
        assertThat(AnswerPolicy.remembers(answer(status, ""))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 413, 415, 422, 429, 500, 503, 504})
    void releasesEveryOtherAnswerEvenWithAnUpstreamCode(int status) {
        assertThat(AnswerPolicy.remembers(answer(status, "{\"upstreamCode\":\"Throttling.User\"}")))
                .isFalse();
    }
}
