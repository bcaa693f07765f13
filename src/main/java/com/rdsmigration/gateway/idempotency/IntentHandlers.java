package com.rdsmigration.gateway.idempotency;

import com.rdsmigration.gateway.intent.CreatesIntent;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.RequestPath;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Tells, before the dispatcher runs, whether a request goes to a handler marked {@link CreatesIntent}: looked up in
 * the MVC's own mappings, as the dispatcher will, with the request's attributes left as they were found.
 */
final class IntentHandlers {

    /** For tests of the filter alone: no handler creates an intent. */
    static final IntentHandlers NONE = new IntentHandlers(null);

    private final @Nullable RequestMappingHandlerMapping mappings;

    IntentHandlers(@Nullable RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    boolean createsIntent(HttpServletRequest request) {
        if (mappings == null) {
            return false;
        }
        @Nullable
        RequestPath parsed = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request)
                : null;
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mappings.getHandler(request);
            return chain != null
                    && chain.getHandler() instanceof HandlerMethod method
                    && method.hasMethodAnnotation(CreatesIntent.class);
        } catch (Exception noHandler) {
            return false; // the dispatcher answers it
        } finally {
            if (parsed == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                ServletRequestPathUtils.setParsedRequestPath(parsed, request);
            }
        }
    }
}
