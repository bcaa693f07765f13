package com.rdsmigration.gateway.audit;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Where a page of audit events ends: the time and id of its last event, opaque to callers. */
record PageToken(Instant occurredAt, UUID id) {

    /** Longer than any token this API gives out (about 80 characters). */
    static final int MAX_LENGTH = 256;

    String encode() {
        String text = occurredAt.getEpochSecond() + "." + occurredAt.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static PageToken decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\.", 3);
            return new PageToken(
                    Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "pageToken is not a token this API gave out.")
                    .with(
                            "errors",
                            List.of(Map.of("field", "pageToken", "message", "is not a token this API gave out")));
        }
    }
}
