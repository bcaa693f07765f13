package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.signing.NonceSource;
import com.rdsmigration.gateway.rds.signing.RequestSigner;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@link RdsClient} on the auto-configured {@link RestClient.Builder} (so observations and metrics come for
 * free) with the connect and read timeouts of {@code rds.*} and the configured authentication.
 */
@Configuration(proxyBeanMethods = false)
class RdsClientConfiguration {

    /**
     * The JDK client completes its exchanges on this pool. Without one it falls back to the common pool, which on a
     * 2-core machine starts a new thread for every call.
     */
    private static final Executor HTTP_EXECUTOR = Executors.newCachedThreadPool(daemonThreads("rds-http-"));

    private static CustomizableThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }

    @Bean
    RdsClient rdsClient(
            RestClient.Builder builder,
            RdsProperties properties,
            Environment environment,
            Clock clock,
            JsonMapper json,
            RetryRegistry retries,
            CircuitBreakerRegistry breakers,
            BulkheadRegistry bulkheads) {
        RdsAuthenticator authenticator = RdsAuthenticators.create(
                properties.auth(), environment, new RequestSigner(clock, NonceSource.random()), clock);
        RdsResilience resilience = new RdsResilience(retries, breakers, bulkheads);
        return build(builder, properties, authenticator, resilience, environment, json);
    }

    static RdsClient build(
            RestClient.Builder builder,
            RdsProperties properties,
            RdsAuthenticator authenticator,
            RdsResilience resilience,
            Environment environment,
            JsonMapper json) {
        RestClient restClient = builder.clone()
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .withHttpClientCustomizer(http ->
                                http.version(HttpClient.Version.HTTP_1_1).executor(HTTP_EXECUTOR))
                        .build(HttpClientSettings.defaults()
                                .withTimeouts(properties.connectTimeout(), properties.readTimeout())))
                .requestInterceptor(new AuthenticatingInterceptor(authenticator))
                .defaultHeader("User-Agent", "rds-migration-gateway")
                .build();
        RdsEndpoint endpoint = new RdsEndpoint(properties.endpoint(), environment);
        return new RdsClient(new RdsTransport(restClient, endpoint, json), resilience, authenticator.mode());
    }
}
