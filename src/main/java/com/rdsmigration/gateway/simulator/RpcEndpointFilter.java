package com.rdsmigration.gateway.simulator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated RPC endpoint on the servlet side: takes GET and POST requests on {@code /} that carry an
 * {@code Action} query parameter or an {@code x-acs-action} header, or POST a form body (whose parameters may hold
 * the action); lets every other request through. A filter rather than a controller because signature checks need
 * the raw query and body, which the servlet's parameter parsing would consume.
 */
final class RpcEndpointFilter extends OncePerRequestFilter {

    static final String CONTENT_TYPE = "application/json;charset=utf-8";
    private static final Logger log = LoggerFactory.getLogger(RpcEndpointFilter.class);

    private final RpcEndpoint endpoint;
    private final JsonMapper json;
    private final long maxBody;

    RpcEndpointFilter(RpcEndpoint endpoint, JsonMapper json, long maxBody) {
        this.endpoint = endpoint;
        this.json = json;
        this.maxBody = maxBody;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        boolean post = "POST".equals(method);
        if (!post && !"GET".equals(method)) {
            return true;
        }
        if (!request.getRequestURI().equals(request.getContextPath() + "/")) {
            return true;
        }
        return request.getHeader(AuthMode.ACTION_HEADER) == null
                && !hasActionParameter(request.getQueryString())
                && !(post && RpcHttpRequest.isForm(request.getContentType()));
    }

    static boolean hasActionParameter(@Nullable String query) {
        return query != null && (query.startsWith("Action=") || query.contains("&Action="));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        RpcEndpoint.Answer answer;
        try {
            answer = endpoint.handle(RpcHttpRequest.read(request, maxBody));
        } catch (RdsError unreadable) {
            answer = endpoint.refuse(unreadable);
        }
        endpoint.hold(answer);
        byte[] body = json.writeValueAsBytes(answer.body());
        response.setStatus(answer.httpStatus());
        response.setContentType(CONTENT_TYPE);
        response.setHeader("x-acs-request-id", answer.requestId());
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException callerGone) {
            // After a timeout hold the caller has usually given up: that is the point of the hold.
            log.debug("RDS simulator could not deliver answer {}: {}", answer.requestId(), callerGone.toString());
        }
    }
}
