package com.rdsmigration.gateway.security;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers 401 and 403 as problems, through the same advice as every other error. A refused bearer token gets one
 * fixed detail: neither the token nor the decoder's words about it are echoed.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String API_KEY_CHALLENGE = "ApiKey header=\"X-API-Key\"";

    private final HandlerExceptionResolver resolver;
    private final boolean jwtCallers;

    ProblemSecurityHandlers(HandlerExceptionResolver resolver, boolean jwtCallers) {
        this.resolver = resolver;
        this.jwtCallers = jwtCallers;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) {
        String detail;
        if (failure instanceof OAuth2AuthenticationException) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            detail = "The bearer token is not valid: it is malformed, expired, not yet valid or not signed by the"
                    + " configured issuer.";
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, API_KEY_CHALLENGE);
            if (jwtCallers) {
                response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            detail = request.getHeader(ApiKeyAuthenticationFilter.HEADER) != null
                    ? "The X-API-Key is not valid."
                    : jwtCallers
                            ? "Send your team's API key in the X-API-Key header, or a JWT as Authorization: Bearer."
                            : "Send your team's API key in the X-API-Key header.";
        }
        resolver.resolveException(request, response, null, new ProblemException(ProblemType.UNAUTHENTICATED, detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String detail = authentication instanceof TeamlessJwtAuthentication teamless
                ? "The token names no team: it needs the '" + teamless.teamClaim() + "' claim."
                : "This endpoint is open to administrators only.";
        resolver.resolveException(request, response, null, new ProblemException(ProblemType.FORBIDDEN, detail));
    }
}
