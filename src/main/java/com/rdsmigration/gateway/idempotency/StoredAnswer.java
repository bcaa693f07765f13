package com.rdsmigration.gateway.idempotency;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The part of an answer a replay repeats: status, content type, {@code Location} and body. Other headers are the
 * replay's own ({@code X-Request-Id} names the retry, not the first request).
 */
record StoredAnswer(
        int status, @Nullable String contentType, @Nullable String location, byte[] body) {

    static StoredAnswer of(ContentCachingResponseWrapper response) {
        return new StoredAnswer(
                response.getStatus(),
                response.getContentType(),
                response.getHeader(HttpHeaders.LOCATION),
                response.getContentAsByteArray());
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
