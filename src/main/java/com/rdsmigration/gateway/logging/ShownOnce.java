package com.rdsmigration.gateway.logging;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Top-level fields of an answer that are shown to the caller once and must not be kept anywhere, such as a webhook's
 * signing secret. A controller names them on its request; whatever stores answers for a later replay (an
 * {@code Idempotency-Key}) stores the answer without them.
 */
public final class ShownOnce {

    private static final String ATTRIBUTE = ShownOnce.class.getName();

    private ShownOnce() {}

    /** Marks top-level fields of this request's answer as not to be kept. */
    public static void fields(HttpServletRequest request, String... fields) {
        List<String> marked = new ArrayList<>(of(request));
        marked.addAll(List.of(fields));
        request.setAttribute(ATTRIBUTE, List.copyOf(marked));
    }

    /** The fields of this request's answer that must not be kept. */
    @SuppressWarnings("unchecked")
    public static List<String> of(HttpServletRequest request) {
        Object marked = request.getAttribute(ATTRIBUTE);
        return marked instanceof List<?> list ? (List<String>) list : List.of();
    }
}
