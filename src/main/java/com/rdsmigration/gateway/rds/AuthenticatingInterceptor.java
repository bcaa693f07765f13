package com.rdsmigration.gateway.rds;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;

/**
 * Authenticates each attempt as it leaves: the action and business parameters travel as request attributes, and the
 * authenticator turns them into the query string and headers with a fresh timestamp and nonce.
 */
final class AuthenticatingInterceptor implements ClientHttpRequestInterceptor {

    static final String ACTION = AuthenticatingInterceptor.class.getName() + ".action";
    static final String PARAMETERS = AuthenticatingInterceptor.class.getName() + ".parameters";

    private final RdsAuthenticator authenticator;

    AuthenticatingInterceptor(RdsAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        String action = (String) request.getAttributes().get(ACTION);
        Map<String, String> parameters =
                (Map<String, String>) request.getAttributes().get(PARAMETERS);
        if (action == null || parameters == null) {
            throw new IllegalStateException("An RDS request left without its action and parameters");
        }
        SignedRequest signed = authenticator.authenticate(request.getMethod(), request.getURI(), action, parameters);
        HttpRequest outgoing = new HttpRequestWrapper(request) {
            @Override
            public URI getURI() {
                return signed.uri();
            }
        };
        signed.headers().forEach(outgoing.getHeaders()::set);
        return execution.execute(outgoing, body);
    }
}
