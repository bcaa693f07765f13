package com.rdsmigration.gateway.rds;

import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What counts as retryable and as a failure is policy, fixed in code; the numbers (attempts, backoff, windows) are
 * operators' to tune under {@code resilience4j.*}.
 */
@Configuration(proxyBeanMethods = false)
class RdsResilienceConfiguration {

    /** Reads ride out any transient failure. */
    @Bean
    RetryConfigCustomizer rdsReadRetryPolicy() {
        return RetryConfigCustomizer.of(
                RdsResilience.READ, retry -> retry.retryOnException(e -> e instanceof TransientRdsException));
    }

    /** Mutations are sent again only when the upstream provably did not act on them: never a duplicate task. */
    @Bean
    RetryConfigCustomizer rdsWriteRetryPolicy() {
        return RetryConfigCustomizer.of(
                RdsResilience.WRITE,
                retry -> retry.retryOnException(e -> e instanceof TransientRdsException t && t.notProcessed()));
    }

    @Bean
    CircuitBreakerConfigCustomizer rdsReadBreakerPolicy() {
        return CircuitBreakerConfigCustomizer.of(RdsResilience.READ, RdsResilienceConfiguration::countTransient);
    }

    @Bean
    CircuitBreakerConfigCustomizer rdsWriteBreakerPolicy() {
        return CircuitBreakerConfigCustomizer.of(RdsResilience.WRITE, RdsResilienceConfiguration::countTransient);
    }

    /** Only upstream trouble opens a breaker; a refused parameter says nothing about the upstream's health. */
    private static void countTransient(io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.Builder breaker) {
        breaker.recordException(e -> e instanceof TransientRdsException);
    }
}
