package com.rdsmigration.gateway.idempotency;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} request header and the {@code Idempotent-Replayed} answer header. A key is 1 to 255
 * printable ASCII characters (space to tilde); anything else is refused with a 400 problem naming the header rather
 * than silently ignored, since a caller who sends a key relies on it.
 */
final class IdempotencyKeyHeader {

    static final String NAME = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_LENGTH = 255;

    private IdempotencyKeyHeader() {}

    /** The request's one well-formed key; else a validation problem. */
    static String read(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(NAME));
        if (values.size() != 1) {
            throw invalid("send exactly one " + NAME + " header");
        }
        String key = values.get(0);
        problemWith(key).ifPresent(problem -> {
            throw invalid(problem);
        });
        return key;
    }

    /** What is wrong with a key, if anything. */
    static Optional<String> problemWith(String key) {
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            return Optional.of("must be 1 to " + MAX_LENGTH + " characters long");
        }
        boolean printableAscii = key.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
        return printableAscii ? Optional.empty() : Optional.of("must contain printable ASCII characters only");
    }

    private static ProblemException invalid(String problem) {
        return new ProblemException(
                        ProblemType.VALIDATION_FAILED, "The " + NAME + " header is not valid: " + problem + ".")
                .with("errors", List.of(new HeaderError(NAME, problem)));
    }

    /** One entry of the problem's {@code errors}, shaped like the field errors of a body validation. */
    record HeaderError(String field, String message) {}
}
