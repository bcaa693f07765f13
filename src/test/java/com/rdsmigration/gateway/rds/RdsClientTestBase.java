package com.rdsmigration.gateway.rds;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.rds.wire.CloudMigrationTaskFilter;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationResultRequest;
import com.rdsmigration.gateway.rds.wire.MigrationResultItem;
import com.rdsmigration.gateway.support.HttpTestClient;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client against the running simulator over real signed HTTP: the application's own client, clients of each auth
 * mode built like it ({@link RdsClientFixtures}), and the simulator's faults and the circuit breakers cleared after
 * each test. Subclasses carry {@link IntegrationTest} and nothing else, so they share the one cached context.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RdsClientTestBase {

    static final Duration STAGE = Duration.ofSeconds(5);
    static final String PASSWORD = "s3cret-Pass!";

    @LocalServerPort
    int port;

    @Autowired
    RdsClient applicationClient;

    @Autowired
    MutableClock clock;

    @Autowired
    RestClient.Builder builder;

    @Autowired
    Environment environment;

    @Autowired
    JsonMapper json;

    RdsClientFixtures clients;

    @BeforeEach
    void setUp() {
        clients = new RdsClientFixtures(builder, environment, json, clock, port);
    }

    @Autowired
    CircuitBreakerRegistry breakers;

    @AfterEach
    void clearFaultsAndBreakers() {
        putFaults("{}");
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    static MigrationResultItem describeMigration(RdsClient rds, String instance, long taskId) {
        var answer = rds.describeCloudMigrationResult(
                new DescribeCloudMigrationResultRequest(CloudMigrationTaskFilter.byTaskId(instance, taskId)));
        return answer.items().isEmpty() ? null : answer.items().get(0);
    }

    void putFaults(String body) {
        HttpTestClient http = new HttpTestClient(port);
        var response = http.send(http.request("/rds-simulator/_control/faults")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
