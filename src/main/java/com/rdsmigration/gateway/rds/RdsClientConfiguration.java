package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.signing.NonceSource;
import com.rdsmigration.gateway.rds.signing.RequestSigner;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@link RdsClient} on the auto-configured {@link RestClient.Builder} (so observations and metrics come for
 * free) with the connect and read timeouts of {@code rds.*} and the configured authentication.
 */
@Configuration(proxyBeanMethods = false)
class RdsClientConfiguration {

    @Bean
    RdsClient rdsClient(
            RestClient.Builder builder,
            RdsProperties properties,
            Environment environment,
            Clock clock,
            JsonMapper json) {
        RdsAuthenticator authenticator = RdsAuthenticators.create(
                properties.auth(), environment, new RequestSigner(clock, NonceSource.random()), clock);
        return build(builder, properties, authenticator, environment, json);
    }

    static RdsClient build(
            RestClient.Builder builder,
            RdsProperties properties,
            RdsAuthenticator authenticator,
            Environment environment,
            JsonMapper json) {
        RestClient restClient = builder.clone()
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .withHttpClientCustomizer(http -> http.version(HttpClient.Version.HTTP_1_1))
                        .build(HttpClientSettings.defaults()
                                .withTimeouts(properties.connectTimeout(), properties.readTimeout())))
                .requestInterceptor(new AuthenticatingInterceptor(authenticator))
                .defaultHeader("User-Agent", "rds-migration-gateway")
                .build();
        RdsEndpoint endpoint = new RdsEndpoint(properties.endpoint(), environment);
        return new RdsClient(new RdsTransport(restClient, endpoint, json), authenticator.mode());
    }
}
