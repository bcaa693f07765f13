package com.rdsmigration.gateway.security;

import com.rdsmigration.gateway.system.ProblemException;
import com.rdsmigration.gateway.system.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** Answers 401 and 403 as problems, through the same advice as every other error. */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final HandlerExceptionResolver resolver;

    ProblemSecurityHandlers(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) {
        response.setHeader("WWW-Authenticate", "ApiKey header=\"X-API-Key\"");
        String detail = request.getHeader(ApiKeyAuthenticationFilter.HEADER) == null
                ? "Send your team's API key in the X-API-Key header."
                : "The X-API-Key is not valid.";
        resolver.resolveException(request, response, null, new ProblemException(ProblemType.UNAUTHENTICATED, detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) {
        resolver.resolveException(
                request,
                response,
                null,
                new ProblemException(ProblemType.FORBIDDEN, "This endpoint is open to administrators only."));
    }
}
