package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.system.StatementPipeline;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What counts as retryable and as a failure is policy, fixed in code; the numbers (attempts, backoff, windows) are
 * operators' to tune under {@code resilience4j.*}.
 */
@Configuration(proxyBeanMethods = false)
class RdsResilienceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RdsResilienceConfiguration.class);

    /**
     * Reads ride out any transient upstream failure. The gateway's own refusals (breaker open, rate limit, bulkhead)
     * are answered at once: waiting in a retry would only hold the caller longer.
     */
    @Bean
    RetryConfigCustomizer rdsReadRetryPolicy() {
        return RetryConfigCustomizer.of(
                RdsResilience.READ,
                retry -> retry.retryOnException(e -> e instanceof TransientRdsException t && t.refusal() == null));
    }

    /** Mutations are sent again only when the upstream provably did not act on them: never a duplicate task. */
    @Bean
    RetryConfigCustomizer rdsWriteRetryPolicy() {
        return RetryConfigCustomizer.of(
                RdsResilience.WRITE,
                retry -> retry.retryOnException(
                        e -> e instanceof TransientRdsException t && !t.outcomeUnknown() && t.refusal() == null));
    }

    @Bean
    CircuitBreakerConfigCustomizer rdsReadBreakerPolicy(Clock clock) {
        return CircuitBreakerConfigCustomizer.of(RdsResilience.READ, breaker -> upstreamHealth(breaker, clock));
    }

    @Bean
    CircuitBreakerConfigCustomizer rdsWriteBreakerPolicy(Clock clock) {
        return CircuitBreakerConfigCustomizer.of(RdsResilience.WRITE, breaker -> upstreamHealth(breaker, clock));
    }

    /**
     * Only upstream trouble opens a breaker: a refused parameter says nothing about the upstream's health, and a call
     * the rate limit held back never reached it. The breaker's open period runs on the application clock.
     */
    private static void upstreamHealth(CircuitBreakerConfig.Builder breaker, Clock clock) {
        breaker.recordException(e -> e instanceof TransientRdsException t && t.refusal() == null)
                .ignoreException(e ->
                        !(e instanceof RdsException) || e instanceof TransientRdsException t && t.refusal() != null)
                .clock(clock);
    }

    /**
     * The shared rate limit: slots in PostgreSQL when the store is PostgreSQL (every replica shares them), else, on
     * the embedded single-instance database, rates of this process.
     */
    @Bean
    UpstreamRateLimiter upstreamRateLimiter(
            DataSource dataSource, StatementPipeline statements, RdsProperties properties, MeterRegistry meters) {
        RdsProperties.RateLimits limits = properties.rateLimits();
        if (!isPostgreSql(dataSource)) {
            log.info("Upstream rate limits are kept in this process: the database is not PostgreSQL");
            return UpstreamRateLimiter.inProcess(limits, meters);
        }
        return UpstreamRateLimiter.shared(statements, limits, meters);
    }

    private static boolean isPostgreSql(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            // Not reachable at start-up: production runs on PostgreSQL, and the limiter falls back while it is down.
            log.warn(
                    "Cannot tell which database this is ({}); assuming PostgreSQL",
                    e.getClass().getSimpleName());
            return true;
        }
    }
}
