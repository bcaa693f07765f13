package com.rdsmigration.gateway.rds;

import java.net.URI;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The endpoint URI, resolved at the first call rather than at start-up: the embedded default points at the simulator
 * on {@code ${local.server.port}}, which is known only once the server listens.
 */
final class RdsEndpoint implements Supplier<URI> {

    private final String configured;
    private final Environment environment;
    private volatile @Nullable URI resolved;

    RdsEndpoint(String configured, Environment environment) {
        this.configured = configured;
        this.environment = environment;
    }

    @Override
    public URI get() {
        URI uri = resolved;
        if (uri == null) {
            uri = parse(environment.resolveRequiredPlaceholders(configured));
            resolved = uri;
        }
        return uri;
    }

    static URI parse(String text) {
        String withScheme = text.contains("://") ? text : "https://" + text;
        URI uri = URI.create(withScheme);
        if (uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("rds.endpoint must be an http(s) URL or a host name: " + text);
        }
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? uri.resolve("/") : uri;
    }
}
