package com.rdsmigration.gateway.idempotency;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.UpstreamOutcome;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which answers a key remembers. Successes are, and so are 409 and 502 problems that carry an {@code upstreamCode}:
 * the upstream itself decided, and asking again must not ask it twice. So are answers whose upstream outcome is
 * unknown ({@code outcome: UNKNOWN}): a retry with the same key must not send the mutation a second time. Every other answer (the gateway refused the
 * request, or could not reach the upstream or its database) releases the key, so the caller can fix the request or
 * wait and retry with the same key.
 */
final class AnswerPolicy {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnswerPolicy() {}

    static boolean remembers(StoredAnswer answer) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return true;
        }
        JsonNode problem = problem(answer.body());
        if (UpstreamOutcome.UNKNOWN
                .name()
                .equals(problem.path(ProblemException.OUTCOME).asString(""))) {
            return true;
        }
        JsonNode code = problem.path("upstreamCode");
        return (status == 409 || status == 502)
                && code.isString()
                && !code.asString().isBlank();
    }

    private static JsonNode problem(byte[] body) {
        if (body.length == 0) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException notJson) {
            return JSON.missingNode();
        }
    }
}
