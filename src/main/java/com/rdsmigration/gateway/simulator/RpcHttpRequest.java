package com.rdsmigration.gateway.simulator;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One RPC request as received: method, headers (names lower-cased, first value), the query parameters decoded from
 * the raw query string, the form-body parameters decoded from the raw body, and the body bytes the V3 payload hash
 * covers.
 */
record RpcHttpRequest(
        String method, Map<String, String> headers, Map<String, String> query, Map<String, String> form, byte[] body) {

    static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    /**
     * Reads the whole request; the body is read from the raw stream, never through servlet parameters, and never
     * more than one byte past {@code maxBody}: a longer body answers {@code RequestEntityTooLarge} (413) without
     * being buffered whole.
     */
    static RpcHttpRequest read(HttpServletRequest request, long maxBody) throws IOException {
        if (request.getContentLengthLong() > maxBody) {
            throw RdsError.requestTooLarge(maxBody);
        }
        Map<String, String> headers = new TreeMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
        if (body.length > maxBody) {
            throw RdsError.requestTooLarge(maxBody);
        }
        Map<String, String> form = isForm(request.getContentType()) ? FormEncoding.decode(body) : Map.of();
        return new RpcHttpRequest(
                request.getMethod(),
                Collections.unmodifiableMap(headers),
                FormEncoding.decode(request.getQueryString()),
                form,
                body);
    }

    static boolean isForm(@Nullable String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM_CONTENT_TYPE);
    }

    @Nullable
    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    /** Query and form-body parameters together; on a name in both, the query wins. */
    Map<String, String> parameters() {
        Map<String, String> merged = new LinkedHashMap<>(form);
        merged.putAll(query);
        return merged;
    }

    /** A parameter from the query or the form body, or {@code null}. */
    @Nullable
    String parameter(String name) {
        String value = query.get(name);
        return value != null ? value : form.get(name);
    }
}
