package com.rdsmigration.gateway.rds;

import java.io.IOException;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The last step before an attempt leaves: it confirms the attempt's rate-limit slot (see
 * {@link UpstreamRateLimiter.Permit}), after signing and everything else that may hold it up.
 */
final class PermitInterceptor implements ClientHttpRequestInterceptor {

    static final String PERMIT = PermitInterceptor.class.getName() + ".permit";

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        if (!(request.getAttributes().get(PERMIT) instanceof UpstreamRateLimiter.Permit permit)) {
            throw new IllegalStateException("An RDS request left without its rate-limit permit");
        }
        permit.beforeSend();
        return execution.execute(request, body);
    }
}
