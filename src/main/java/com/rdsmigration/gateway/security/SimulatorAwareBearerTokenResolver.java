package com.rdsmigration.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Reads {@code Authorization: Bearer} everywhere but on the simulator's endpoints, where a bearer token is an RDS
 * credential (the gateway's own upstream client sends one in bearer mode) that the simulator checks itself.
 */
final class SimulatorAwareBearerTokenResolver implements BearerTokenResolver {

    private final BearerTokenResolver delegate = new DefaultBearerTokenResolver();
    private final RequestMatcher simulator;

    SimulatorAwareBearerTokenResolver(RequestMatcher simulator) {
        this.simulator = simulator;
    }

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        return simulator.matches(request) ? null : delegate.resolve(request);
    }
}
