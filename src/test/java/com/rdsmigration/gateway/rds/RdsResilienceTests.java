package com.rdsmigration.gateway.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.rds.wire.CloudMigrationSource;
import com.rdsmigration.gateway.rds.wire.CloudMigrationTaskFilter;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationPrecheckTaskRequest;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationResultRequest;
import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application's client under injected upstream faults: reads retry, mutations never duplicate, breakers open. */
@IntegrationTest
class RdsResilienceTests {

    @LocalServerPort
    int port;

    @Autowired
    RdsClient rds;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    MutableClock clock;

    GatewayApi simulator;

    @BeforeEach
    void setUp() {
        simulator = new GatewayApi(port, null);
    }

    @AfterEach
    void clearFaultsAndBreakers() {
        simulator.putFaults("{}");
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    static DescribeCloudMigrationResultRequest describe(String instance) {
        return new DescribeCloudMigrationResultRequest(CloudMigrationTaskFilter.page(instance, 1, 30));
    }

    static CreateCloudMigrationPrecheckTaskRequest precheck() {
        return new CreateCloudMigrationPrecheckTaskRequest(
                "pgm-" + UUID.randomUUID().toString().substring(0, 8),
                new CloudMigrationSource("172.16.0.10", 5432, "migratetest", "pw", "ecsOnVpc"),
                null);
    }

    @Test
    void readsRideOutThirtyPercentTransientErrors() {
        simulator.putFaults("{\"errorRate\": 0.3, \"errorCode\": \"ServiceUnavailable\", \"httpStatus\": 503,"
                + " \"actions\": [\"DescribeCloudMigrationResult\"]}");
        long before = simulator.upstreamCalls("DescribeCloudMigrationResult");
        String instance = "pgm-" + UUID.randomUUID().toString().substring(0, 8);

        for (int i = 0; i < 200; i++) {
            assertThat(rds.describeCloudMigrationResult(describe(instance)).requestId())
                    .isNotBlank();
        }

        long attempts = simulator.upstreamCalls("DescribeCloudMigrationResult") - before;
        assertThat(attempts).as("every failed attempt was retried").isGreaterThan(200 + 50);
    }

    @Test
    void aMutationIsNotSentAgainWhenTheUpstreamMayHaveActed() {
        simulator.putFaults("{\"errorRate\": 1.0, \"errorCode\": \"ServiceUnavailable\", \"httpStatus\": 503,"
                + " \"actions\": [\"CreateCloudMigrationPrecheckTask\"]}");
        long before = simulator.upstreamCalls("CreateCloudMigrationPrecheckTask");

        assertThatThrownBy(() -> rds.createCloudMigrationPrecheckTask(precheck()))
                .isInstanceOf(TransientRdsException.class);

        assertThat(simulator.upstreamCalls("CreateCloudMigrationPrecheckTask") - before)
                .isEqualTo(1);
    }

    @Test
    void aThrottledMutationIsSentAgainBecauseTheUpstreamDidNotAct() {
        simulator.putFaults("{\"errorRate\": 0.5, \"errorCode\": \"Throttling.User\", \"httpStatus\": 400,"
                + " \"actions\": [\"CreateCloudMigrationPrecheckTask\"]}");
        long before = simulator.upstreamCalls("CreateCloudMigrationPrecheckTask");
        long throttledBefore = simulator.answered("CreateCloudMigrationPrecheckTask", "Throttling.User");

        for (int i = 0; i < 4; i++) {
            assertThat(rds.createCloudMigrationPrecheckTask(precheck()).taskId())
                    .isPositive();
        }

        long throttled = simulator.answered("CreateCloudMigrationPrecheckTask", "Throttling.User") - throttledBefore;
        assertThat(throttled).as("every second call is throttled").isGreaterThanOrEqualTo(3);
        assertThat(simulator.upstreamCalls("CreateCloudMigrationPrecheckTask") - before)
                .isEqualTo(4 + throttled);
    }

    @Test
    void aBreakerOpenedByUpstreamFailuresRefusesWithoutCallingTheUpstream() {
        simulator.putFaults("{\"errorRate\": 1.0, \"errorCode\": \"ServiceUnavailable\", \"httpStatus\": 503,"
                + " \"actions\": [\"DescribeCloudMigrationResult\"]}");
        String instance = "pgm-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> rds.describeCloudMigrationResult(describe(instance)))
                    .isInstanceOf(TransientRdsException.class);
        }
        assertThat(breakers.circuitBreaker(RdsResilience.READ).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long before = simulator.upstreamCalls("DescribeCloudMigrationResult");

        assertThatThrownBy(() -> rds.describeCloudMigrationResult(describe(instance)))
                .isInstanceOfSatisfying(TransientRdsException.class, e -> {
                    assertThat(e.outcomeUnknown()).isFalse();
                    assertThat(e.upstreamMessage()).contains("circuit breaker rdsRead is open");
                    assertThat(e.toProblem().retryAfter()).isNotNull();
                });
        assertThat(simulator.upstreamCalls("DescribeCloudMigrationResult")).isEqualTo(before);
    }

    @Test
    void anOpenBreakerRefusesCreatesAt503WithRetryAfterUntilTheUpstreamRecovers() {
        GatewayApi api = new GatewayApi(port, GatewayApi.TEAM_A);
        String create = "ImportDatabaseBetweenInstances";
        simulator.putFaults("{\"errorRate\": 1.0, \"errorCode\": \"InternalError\", \"httpStatus\": 500,"
                + " \"actions\": [\"" + create + "\"]}");
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> failed = api.post("/api/v1/imports", GatewayApi.newImport());
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(503);
        }
        CircuitBreaker writes = breakers.circuitBreaker(RdsResilience.WRITE);
        assertThat(writes.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long sentBefore = simulator.upstreamCalls(create);

        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            HttpResponse<String> refused = api.post("/api/v1/imports", GatewayApi.newImport());
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("Refused by the open breaker in %d ms%n", tookMs);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValueAsLong("Retry-After").orElse(0))
                    .as("the breaker's open period")
                    .isEqualTo(10);
            assertThat(GatewayApi.json(refused).path("refusal").asString()).isEqualTo("BREAKER_OPEN");
        }
        assertThat(simulator.upstreamCalls(create))
                .as("refused calls reach nobody")
                .isEqualTo(sentBefore);

        simulator.putFaults("{}");
        clock.advance(Duration.ofSeconds(11));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> trial = api.post("/api/v1/imports", GatewayApi.newImport());
            assertThat(trial.statusCode()).as(trial.body()).isEqualTo(201);
        }
        assertThat(writes.getState()).as("three good trial calls close it").isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(api.post("/api/v1/imports", GatewayApi.newImport()).statusCode())
                .isEqualTo(201);
    }
}
