package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.wire.ErrorBody;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.rds.wire.RdsParameters;
import com.rdsmigration.gateway.rds.wire.RdsRequest;
import com.rdsmigration.gateway.rds.wire.RdsResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Sends one RPC call as a POST to the endpoint and reads its typed answer or turns its failure into an exception. */
final class RdsTransport {

    private static final List<String> SECRET_PARAMETERS = List.of(RdsParameters.SOURCE_PASSWORD);
    private static final String RETRIES = "rds.upstream.retries";

    private final RestClient restClient;
    private final Supplier<URI> endpoint;
    private final JsonMapper json;
    private final MeterRegistry meters;

    RdsTransport(RestClient restClient, Supplier<URI> endpoint, JsonMapper json, MeterRegistry meters) {
        this.restClient = restClient;
        this.endpoint = endpoint;
        this.json = json;
        this.meters = meters;
        RdsActions.ALL.forEach(action -> retries(action)); // every action's series exists from the start, at zero
    }

    /**
     * Sends one attempt in its rate-limit slot (the records of the attempt are {@link RdsResilience}'s): timed as
     * {@code rds.upstream.requests} by action and outcome, and counted in {@code rds.upstream.retries} when it is not
     * the call's first.
     */
    <T extends RdsResponse> T call(RdsRequest request, Class<T> responseType, RdsResilience.Attempt attempt) {
        long started = System.nanoTime();
        String outcome = "success";
        if (attempt.number() > 1) {
            retries(request.action()).increment();
        }
        try {
            return send(request, responseType, attempt.permit());
        } catch (RdsException e) {
            outcome = outcome(e);
            throw e;
        } finally {
            Timer.builder("rds.upstream.requests")
                    .description("Upstream attempts: latency by RDS action and outcome")
                    .tag("action", request.action())
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private Counter retries(String action) {
        return Counter.builder(RETRIES)
                .description("Upstream attempts that repeat an earlier attempt of the same call, by RDS action")
                .tag("action", action)
                .register(meters);
    }

    private static String outcome(RdsException failure) {
        if (failure.code() != null && failure.code().startsWith("Throttling")) {
            return "throttled";
        }
        int status = failure.httpStatus();
        return status == 0 ? "no-answer" : status >= 500 ? "server-error" : "client-error";
    }

    private <T> T send(RdsRequest request, Class<T> responseType, UpstreamRateLimiter.Permit permit) {
        String action = request.action();
        Map<String, String> parameters = request.toParameters();
        try {
            T answer = restClient
                    .post()
                    .uri(endpoint.get())
                    .attribute(AuthenticatingInterceptor.ACTION, action)
                    .attribute(AuthenticatingInterceptor.PARAMETERS, parameters)
                    .attribute(PermitInterceptor.PERMIT, permit)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (req, response) -> {
                        throw RdsErrors.fromAnswer(
                                action, response.getStatusCode().value(), readError(response), secrets(parameters));
                    })
                    .body(responseType);
            if (answer == null) {
                throw TransientRdsException.unreadableAnswer(action, "empty answer from the upstream");
            }
            return answer;
        } catch (RdsException e) {
            throw e;
        } catch (ResourceAccessException e) {
            throw RdsErrors.fromIo(action, e.getCause() instanceof IOException io ? io : new IOException(e));
        } catch (RestClientException e) {
            // The upstream answered, so it may well have acted: the outcome is unknown, never "nothing happened".
            throw TransientRdsException.unreadableAnswer(
                    action,
                    "unreadable answer from the upstream: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            // Failed before anything was sent, e.g. the credential chain could not produce credentials.
            throw TransientRdsException.notSent(
                    action, "the request could not be prepared: " + e.getClass().getSimpleName(), null);
        }
    }

    private @Nullable ErrorBody readError(ClientHttpResponse response) {
        try {
            return json.readValue(response.getBody(), ErrorBody.class);
        } catch (IOException | JacksonException e) {
            return null;
        }
    }

    private static List<String> secrets(Map<String, String> parameters) {
        return SECRET_PARAMETERS.stream()
                .map(parameters::get)
                .filter(value -> value != null && !value.isEmpty())
                .toList();
    }
}
