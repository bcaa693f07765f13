package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.signing.NonceSource;
import com.rdsmigration.gateway.rds.signing.RequestSigner;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@link RdsClient} on the auto-configured {@link RestClient.Builder} (so observations and metrics come for
 * free) with the connect and read timeouts of {@code rds.*} and the configured authentication.
 */
@Configuration(proxyBeanMethods = false)
class RdsClientConfiguration {

    @Bean
    RdsAuthenticator rdsAuthenticator(RdsProperties properties, Environment environment, Clock clock) {
        return RdsAuthenticators.create(
                properties.auth(),
                properties.endpoint(),
                environment,
                new RequestSigner(clock, NonceSource.random()),
                clock);
    }

    @Bean
    UpstreamAccount upstreamAccount(RdsAuthenticator authenticator) {
        return new UpstreamAccount(authenticator::account);
    }

    @Bean
    RdsClient rdsClient(
            RestClient.Builder builder,
            RdsProperties properties,
            RdsAuthenticator authenticator,
            Environment environment,
            JsonMapper json,
            RetryRegistry retries,
            CircuitBreakerRegistry breakers,
            BulkheadRegistry bulkheads,
            UpstreamRateLimiter rateLimiter,
            MeterRegistry meters,
            ObjectProvider<UpstreamAttemptListener> listeners,
            ObjectProvider<UpstreamAdmission> admission,
            ObjectProvider<TransactionOperations> transactions) {
        RdsResilience resilience = new RdsResilience(
                retries,
                breakers,
                bulkheads,
                new RdsResilience.Records(
                        transactions.getIfAvailable(TransactionOperations::withoutTransaction),
                        UpstreamAttemptListener.all(listeners.orderedStream().toList()),
                        admission.getIfAvailable(() -> UpstreamAdmission.ALL),
                        rateLimiter));
        return build(builder, properties, authenticator, resilience, environment, json, meters);
    }

    static RdsClient build(
            RestClient.Builder builder,
            RdsProperties properties,
            RdsAuthenticator authenticator,
            RdsResilience resilience,
            Environment environment,
            JsonMapper json,
            MeterRegistry meters) {
        RestClient restClient = builder.clone()
                .requestFactory(requestFactory(properties))
                .requestInterceptor(new AuthenticatingInterceptor(authenticator))
                .requestInterceptor(new PermitInterceptor())
                .defaultHeader("User-Agent", "rds-migration-gateway")
                .build();
        RdsEndpoint endpoint = new RdsEndpoint(properties.endpoint(), environment);
        return new RdsClient(new RdsTransport(restClient, endpoint, json, meters), resilience, authenticator.mode());
    }

    /**
     * Apache HttpClient, blocking on the calling thread over a pool of kept-alive connections. Its own retries are off:
     * whether a call may be sent again is decided by {@link RdsResilience} alone, which never re-sends a mutation the
     * upstream may have received. (The JDK client cost a thread hand-off and a cancelled timeout future per call.)
     */
    private static ClientHttpRequestFactory requestFactory(RdsProperties properties) {
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries)
                .withConnectionManagerCustomizer(connections -> connections
                        .setMaxConnTotal(properties.maxConnections())
                        .setMaxConnPerRoute(properties.maxConnections()))
                .build(HttpClientSettings.defaults()
                        .withTimeouts(properties.connectTimeout(), properties.readTimeout()));
    }
}
