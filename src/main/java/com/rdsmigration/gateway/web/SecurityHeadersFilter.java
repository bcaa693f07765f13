package com.rdsmigration.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer, set before anything else runs, so that answers given outside Spring Security's
 * chain (a 413 of the size limit) carry them too, and Spring Security's own writers, which only add what is missing,
 * do not repeat them. Answers are never to be sniffed, framed, cached or given a referrer; all but Swagger UI's are
 * data, so they also get a Content-Security-Policy that allows nothing. Swagger UI (a page with scripts and styles of
 * its own) keeps the default caching and no policy, so that it still works.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String REFERRER_POLICY = "no-referrer";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        if (!isSwaggerUi(request.getRequestURI())) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        chain.doFilter(request, response);
    }

    private static boolean isSwaggerUi(String path) {
        return path.startsWith("/swagger-ui/") || path.equals("/swagger-ui.html");
    }
}
