package com.rdsmigration.gateway.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.rds.wire.DBInstanceAttribute;
import com.rdsmigration.gateway.rds.wire.DescribeDBInstanceAttributeRequest;
import com.rdsmigration.gateway.rds.wire.DescribeDBInstanceAttributeResponse;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@link RdsClient#describeDBInstanceAttribute} against the running simulator: it parses each instance's engine,
 * status and resource group, and is a read in every respect (the {@code rdsRead} retry, the reads rate limit).
 */
@IntegrationTest
class RdsClientInstanceAttributeTests {

    static final String ACTION = RdsActions.DESCRIBE_DB_INSTANCE_ATTRIBUTE;

    @LocalServerPort
    int port;

    @Autowired
    RdsClient rds;

    @Autowired
    RetryRegistry retries;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    MeterRegistry meters;

    GatewayApi simulator;
    String pg;
    String sqlServer;

    @BeforeEach
    void setUp() {
        simulator = new GatewayApi(port, null);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        pg = "pgm-" + suffix;
        sqlServer = "rm-" + suffix;
    }

    @AfterEach
    void clearFaultsAndBreakers() {
        simulator.putFaults("{}");
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void parsesEachInstancesEngineStatusAndResourceGroup() {
        putInstance(pg, "{\"status\":\"Stopped\",\"resourceGroupId\":\"rg-team-a\"}");

        DescribeDBInstanceAttributeResponse answer =
                rds.describeDBInstanceAttribute(DescribeDBInstanceAttributeRequest.of(pg, sqlServer));

        assertThat(answer.requestId()).isNotBlank();
        assertThat(answer.attributes())
                .extracting(DBInstanceAttribute::dbInstanceId)
                .containsExactly(pg, sqlServer);
        DBInstanceAttribute owned = answer.attributesOf(pg).orElseThrow();
        assertThat(owned.engine()).isEqualTo("PostgreSQL");
        assertThat(owned.dbInstanceStatus()).isEqualTo("Stopped");
        assertThat(owned.resourceGroupId()).isEqualTo("rg-team-a");
        DBInstanceAttribute other = answer.attributesOf(sqlServer).orElseThrow();
        assertThat(other.engine()).isEqualTo("SQLServer");
        assertThat(other.dbInstanceStatus()).isEqualTo("Running");
        assertThat(other.resourceGroupId()).isEqualTo("rg-default");
    }

    @Test
    void anUnknownInstanceIsANonTransientNotFound() {
        assertThatThrownBy(() -> rds.describeDBInstanceAttribute(DescribeDBInstanceAttributeRequest.of(pg, "xyz-1")))
                .isInstanceOfSatisfying(NonTransientRdsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidDBInstanceId.NotFound");
                    assertThat(e.action()).isEqualTo(ACTION);
                });
    }

    @Test
    void goesThroughTheReadPolicyRetryingAFailureAWriteWouldNotRepeat() {
        Retry read = retries.retry(RdsResilience.READ);
        int attempts = read.getRetryConfig().getMaxAttempts();
        long callsBefore = simulator.upstreamCalls(ACTION);
        long readRetriesBefore = read.getMetrics().getNumberOfFailedCallsWithRetryAttempt();
        double retriesBefore =
                meters.counter("rds.upstream.retries", "action", ACTION).count();
        long readPermitsBefore = permits("reads");
        simulator.putFaults("{\"errorRate\": 1.0, \"errorCode\": \"ServiceUnavailable\", \"httpStatus\": 503,"
                + " \"actions\": [\"" + ACTION + "\"]}");

        assertThatThrownBy(() -> rds.describeDBInstanceAttribute(DescribeDBInstanceAttributeRequest.of(pg)))
                .isInstanceOfSatisfying(
                        TransientRdsException.class, e -> assertThat(e.code()).isEqualTo("ServiceUnavailable"));

        assertThat(attempts).as("rdsRead's configured attempts").isEqualTo(4);
        assertThat(simulator.upstreamCalls(ACTION) - callsBefore)
                .as("a 503 may have acted: a write stops at one attempt, a read tries them all")
                .isEqualTo(attempts);
        assertThat(read.getMetrics().getNumberOfFailedCallsWithRetryAttempt() - readRetriesBefore)
                .isEqualTo(1);
        assertThat(meters.counter("rds.upstream.retries", "action", ACTION).count() - retriesBefore)
                .isEqualTo(attempts - 1);
        assertThat(permits("reads") - readPermitsBefore)
                .as("each attempt took a permit of the reads bucket")
                .isGreaterThanOrEqualTo(attempts);
    }

    private long permits(String bucket) {
        return meters.find("rds.rate.limit.wait").tag("actions", bucket).timers().stream()
                .filter(timer -> timer.getId().getTag("outcome").startsWith("permitted"))
                .mapToLong(Timer::count)
                .sum();
    }

    private void putInstance(String id, String json) {
        HttpTestClient http = new HttpTestClient(port);
        var response = http.send(http.request("/rds-simulator/_control/instances/" + id)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
