package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.signing.PercentEncoding;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;

/**
 * Authenticates one attempt of an RPC call: every business parameter goes in the query string (as Alibaba's SDKs
 * send them) and the attempt gets its own timestamp and nonce.
 */
interface RdsAuthenticator {

    SignedRequest authenticate(HttpMethod method, URI endpoint, String action, Map<String, String> parameters);

    /** The {@code auth} value the simulator's call log shows for this mode. */
    String mode();

    /**
     * The identity the upstream bills and throttles these calls under, for quotas; never a secret (a bearer token is
     * named by a digest of it).
     */
    String account();

    static URI withQuery(URI endpoint, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(e -> PercentEncoding.encode(e.getKey()) + "=" + PercentEncoding.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String base = endpoint.toString();
        return URI.create(query.isEmpty() ? base : base + "?" + query);
    }

    /** The {@code Host} header the JDK HTTP client sends for this URI: the port only when it is not the default. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
                || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
