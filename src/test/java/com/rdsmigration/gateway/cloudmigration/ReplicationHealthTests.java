package com.rdsmigration.gateway.cloudmigration;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A migration whose replication link goes down is a status a team can alert on: the Migration answers health
 * {@code DEGRADED}, the gauge {@code gateway.tracking.replication.degraded} counts it, and the change of replication
 * state is announced; when the link is back, all three say so.
 */
@IntegrationTest
class ReplicationHealthTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ReadRecorder recorder;

    @Autowired
    MeterRegistry meters;

    @Autowired
    AbstractApplicationContext context;

    final List<CloudMigrationChanged> published = new CopyOnWriteArrayList<>();
    final ApplicationListener<ApplicationEvent> listener = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload
                && payload.getPayload() instanceof CloudMigrationChanged changed) {
            published.add(changed);
        }
    };

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        context.getBean(ApplicationEventMulticaster.class).removeApplicationListener(listener);
    }

    @Test
    void aDisconnectedReplicationMakesARunningMigrationDegradedUntilItStreamsAgain() {
        GatewayApi teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        UUID id = UUID.fromString(new CoalescedReadsTests.Creator(port, clock).migration());
        double degradedBefore = degraded();

        clock.advance(Duration.ofSeconds(1));
        recorder.synced(id, new UpstreamState("increment", "disconnect", null, null, null), clock.instant());

        JsonNode degraded = json(teamA.get("/api/v1/cloud-migrations/" + id));
        assertThat(degraded.path("health").asString()).isEqualTo("DEGRADED");
        assertThat(degraded.path("replicationState").asString()).isEqualTo("disconnect");
        awaitDegraded(degradedBefore + 1);
        assertThat(published)
                .filteredOn(change -> change.id().equals(id))
                .last()
                .satisfies(change -> {
                    assertThat(change.replicationState()).isEqualTo("disconnect");
                    assertThat(change.status()).isEqualTo("RUNNING");
                });

        clock.advance(Duration.ofSeconds(1));
        recorder.synced(id, new UpstreamState("increment", "streaming", null, null, null), clock.instant());

        assertThat(json(teamA.get("/api/v1/cloud-migrations/" + id))
                        .path("health")
                        .asString())
                .isEqualTo("HEALTHY");
        awaitDegraded(degradedBefore);
        assertThat(published)
                .filteredOn(change -> change.id().equals(id))
                .extracting(CloudMigrationChanged::replicationState)
                .endsWith("disconnect", "streaming");
    }

    @Test
    void theOpenApiDocumentDescribesHealthForAlerting() {
        JsonNode health = json(new GatewayApi(port, null).get("/v3/api-docs"))
                .path("components")
                .path("schemas")
                .path("Migration")
                .path("properties")
                .path("health");

        assertThat(health.path("description").asString()).contains("DEGRADED", "disconnect", "alert");
        assertThat(health.path("enum").valueStream().map(JsonNode::asString))
                .containsExactly("HEALTHY", "DEGRADED", "FAILED");
    }

    double degraded() {
        return meters.get("gateway.tracking.replication.degraded").gauge().value();
    }

    /** The gauge reads the store at most once a second. */
    void awaitDegraded(double expected) {
        Awaitility.await("degraded migrations " + expected)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> degraded() == expected);
    }
}
