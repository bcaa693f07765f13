package com.rdsmigration.gateway.idempotency;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of an answer a replay repeats: status, content type, {@code Location} and body. Other headers are the
 * replay's own ({@code X-Request-Id} names the retry, not the first request).
 */
record StoredAnswer(
        int status, @Nullable String contentType, @Nullable String location, byte[] body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static StoredAnswer of(ContentCachingResponseWrapper response) {
        return new StoredAnswer(
                response.getStatus(),
                response.getContentType(),
                response.getHeader(HttpHeaders.LOCATION),
                response.getContentAsByteArray());
    }

    /** This answer without the given top-level fields of its JSON body; the same answer when it has none of them. */
    StoredAnswer without(List<String> fields) {
        if (fields.isEmpty() || body.length == 0) {
            return this;
        }
        try {
            if (JSON.readTree(body) instanceof ObjectNode object
                    && fields.stream().anyMatch(object::has)) {
                fields.forEach(object::remove);
                return new StoredAnswer(status, contentType, location, JSON.writeValueAsBytes(object));
            }
        } catch (JacksonException notJson) {
            // nothing to remove
        }
        return this;
    }

    /** Writes this answer again, marked {@code Idempotent-Replayed: true}. */
    void replayTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        if (contentType != null) {
            response.setContentType(contentType);
        }
        if (location != null) {
            response.setHeader(HttpHeaders.LOCATION, location);
        }
        response.setHeader(IdempotencyKeyHeader.REPLAYED, "true");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
