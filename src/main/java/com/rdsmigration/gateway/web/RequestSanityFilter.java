package com.rdsmigration.gateway.web;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses API requests that nothing behind it should have to parse, before anything parses them: a form or multipart
 * body (the API takes JSON only, and a container would read a form body to find parameters), a query string that is
 * not valid percent-encoded UTF-8 or that holds control characters (PostgreSQL refuses a NUL), and the gateway's own
 * headers with anything but printable ASCII. Each is a clear 400 or 415 problem instead of an error deep in a framework
 * or the database.
 */
final class RequestSanityFilter extends OncePerRequestFilter {

    static final List<String> CHECKED_HEADERS = List.of("X-API-Key", "Idempotency-Key", "X-Request-Id");

    private final HandlerExceptionResolver exceptionResolver;

    RequestSanityFilter(HandlerExceptionResolver exceptionResolver) {
        this.exceptionResolver = exceptionResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemException problem = problem(request);
        if (problem != null) {
            exceptionResolver.resolveException(request, response, null, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private static @Nullable ProblemException problem(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null) {
            String type = contentType.toLowerCase(Locale.ROOT).trim();
            if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
                return new ProblemException(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE, "The API takes JSON bodies (application/json) only.");
            }
        }
        if (!isCleanQuery(request.getQueryString())) {
            return new ProblemException(
                    ProblemType.MALFORMED_REQUEST,
                    "The query string is not valid percent-encoded UTF-8, or holds control characters.");
        }
        for (String name : CHECKED_HEADERS) {
            String value = request.getHeader(name);
            if (value != null && !isPrintableAscii(value)) {
                return new ProblemException(
                        ProblemType.MALFORMED_REQUEST, "The " + name + " header must be printable ASCII.");
            }
        }
        return null;
    }

    static boolean isCleanQuery(@Nullable String query) {
        if (query == null) {
            return true;
        }
        for (String part : query.split("&")) {
            String decoded = decode(part.replace('+', ' '));
            if (decoded == null || decoded.chars().anyMatch(Character::isISOControl)) {
                return false;
            }
        }
        return true;
    }

    /** Strict percent-decoding: a bad escape or bytes that are not UTF-8 give {@code null}. */
    private static @Nullable String decode(String text) {
        ByteBuffer bytes = ByteBuffer.allocate(text.length() * 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    private static boolean isPrintableAscii(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
