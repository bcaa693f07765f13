package com.rdsmigration.gateway.idempotency;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which answers a key remembers. Successes are, and so are 409 and 502 problems that carry an {@code upstreamCode}:
 * the upstream itself decided, and asking again must not ask it twice. Every other answer (the gateway refused the
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
        return (status == 409 || status == 502) && namesUpstreamCode(answer.body());
    }

    private static boolean namesUpstreamCode(byte[] body) {
        if (body.length == 0) {
            return false;
        }
        try {
            JsonNode code = JSON.readTree(body).path("upstreamCode");
            return code.isString() && !code.asString().isBlank();
        } catch (JacksonException notJson) {
            return false;
        }
    }
}
