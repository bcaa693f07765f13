package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.signing.AccessKeyCredentials;
import com.rdsmigration.gateway.rds.signing.NonceSource;
import com.rdsmigration.gateway.rds.signing.RequestSigner;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Builds extra {@link RdsClient}s beside the application's, each authenticating its own way. */
final class RdsClientFixtures {

    /** One attempt per call, no breaker or bulkhead in the way: these clients test the wire, not the policies. */
    static final RdsResilience SINGLE_ATTEMPT = new RdsResilience(
            RetryRegistry.of(RetryConfig.custom().maxAttempts(1).build()),
            CircuitBreakerRegistry.of(
                    CircuitBreakerConfig.custom().ignoreException(e -> true).build()),
            BulkheadRegistry.ofDefaults(),
            new RdsResilience.Records(
                    TransactionOperations.withoutTransaction(),
                    UpstreamAttemptListener.NONE,
                    UpstreamAdmission.ALL,
                    UpstreamRateLimiter.unlimited()));

    private final RestClient.Builder builder;
    private final Environment environment;
    private final JsonMapper json;
    private final Clock clock;
    private final String endpoint;

    RdsClientFixtures(RestClient.Builder builder, Environment environment, JsonMapper json, Clock clock, int port) {
        this.builder = builder;
        this.environment = environment;
        this.json = json;
        this.clock = clock;
        this.endpoint = "http://127.0.0.1:" + port + "/";
    }

    RdsClient signed(RdsProperties.SignatureVersion version, String secret) {
        return signed(version, secret, clock, NonceSource.random(), Duration.ofSeconds(30));
    }

    RdsClient signed(
            RdsProperties.SignatureVersion version,
            String secret,
            Clock signingClock,
            NonceSource nonces,
            Duration readTimeout) {
        AccessKeySource keys = () -> AccessKeyCredentials.of("simulator-ak", secret);
        return client(new SignatureAuthenticator(new RequestSigner(signingClock, nonces), keys, version), readTimeout);
    }

    RdsClient bearer(String token) {
        return client(new BearerAuthenticator(() -> token, clock, NonceSource.random()), Duration.ofSeconds(30));
    }

    private RdsClient client(RdsAuthenticator authenticator, Duration readTimeout) {
        RdsProperties properties = new RdsProperties(
                endpoint,
                Duration.ofSeconds(2),
                readTimeout,
                16,
                new RdsProperties.Auth(
                        RdsProperties.AuthType.SIGNATURE, RdsProperties.SignatureVersion.V3, null, null, null, null),
                new RdsProperties.RateLimits(1_000_000, 1_000_000, Duration.ofSeconds(5), Duration.ZERO));
        return RdsClientConfiguration.build(
                builder, properties, authenticator, SINGLE_ATTEMPT, environment, json, new SimpleMeterRegistry());
    }
}
