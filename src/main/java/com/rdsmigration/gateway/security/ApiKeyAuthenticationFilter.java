package com.rdsmigration.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code X-API-Key}. A wrong key is refused at once with 401 (never passed on as anonymous); without a
 * key the request goes on and the authorization rules decide.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiKeyRegistry registry;
    private final AuthenticationEntryPoint entryPoint;
    private final RequestMatcher notGatewayApi;

    ApiKeyAuthenticationFilter(
            ApiKeyRegistry registry, AuthenticationEntryPoint entryPoint, RequestMatcher notGatewayApi) {
        this.registry = registry;
        this.entryPoint = entryPoint;
        this.notGatewayApi = notGatewayApi;
    }

    /** The simulator's endpoints take no API key: a stray {@code X-API-Key} there means nothing. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return notGatewayApi.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null || key.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = registry.find(key);
        if (caller.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("The X-API-Key is not valid."));
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller.get()));
        chain.doFilter(request, response);
    }
}
