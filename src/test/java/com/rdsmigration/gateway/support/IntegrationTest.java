package com.rdsmigration.gateway.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A whole gateway on a random port against the test PostgreSQL, with a {@link MutableClock} as its clock. Every class with this annotation and nothing else
 * shares one cached application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // Retries keep their shape but not their wall-clock waits.
            "resilience4j.retry.configs.default.wait-duration=2ms",
            "resilience4j.retry.configs.default.exponential-max-wait-duration=10ms",
            // An answer held back by the simulator's timeout fault is given up on quickly.
            "rds.read-timeout=1s",
            // The shared upstream rate limits are out of the way here; UpstreamRateLimitTests has its own.
            "rds.rate-limits.reads-per-second=1000000",
            "rds.rate-limits.writes-per-second=1000000",
            // So is the daily task limit; DailyTaskQuotaTests has its own.
            "gateway.quota.daily-task-limit=1000000",
            // Each team's API request rate too (the clock stands still between tests, so buckets barely refill);
            // RequestRateLimitTests has its own.
            "gateway.security.rate-limit.requests-per-second=1000000",
            "gateway.security.rate-limit.burst=1000000",
            // Due webhook deliveries are claimed within a tenth of a second, so tests wait on them less.
            "gateway.webhooks.poll-interval=100ms",
            // Tests run the reconciler themselves.
            "gateway.reconciler.interval=1h",
            // The progress tracker would read tasks whenever a test moves the clock; the Tracker*Tests run it on
            // replicas of their own.
            "gateway.tracking.tracker-enabled=false"
        })
@Import({TestDatabaseConfiguration.class, TestClockConfiguration.class})
public @interface IntegrationTest {}
