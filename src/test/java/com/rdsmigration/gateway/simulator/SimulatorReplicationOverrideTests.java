package com.rdsmigration.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The replication state and replay lag set through {@code PUT /rds-simulator/_control/instances/{id}} show in
 * DescribeCloudMigrationResult while the migration replicates ({@code startup}, {@code increment}), over real HTTP;
 * the stages advance as without them, bad values answer 400, and a reset forgets them.
 */
@IntegrationTest
class SimulatorReplicationOverrideTests {

    static final Duration STAGE = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    SimulatorClient client;
    String instance;

    @BeforeEach
    void setUp() {
        client = new SimulatorClient(port, clock);
        instance = "pgm-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** A passed precheck, then a migration, left in stage {@code precheck}. */
    void startMigration() {
        Map<String, String> source = Map.of(
                "DBInstanceName", instance,
                "SourceIpAddress", "172.16.0.10",
                "SourcePort", "5432",
                "SourceAccount", "migratetest",
                "SourcePassword", "s3cret",
                "SourceCategory", "ecsOnVpc");
        ok(client.v3(RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK, source));
        clock.advance(STAGE);
        ok(client.v3(RdsActions.CREATE_CLOUD_MIGRATION_TASK, source));
    }

    /** A migration waiting in {@code increment}. */
    void migrateToIncrement() {
        startMigration();
        clock.advance(STAGE.multipliedBy(3));
        assertThat(item().path("MigrateStage").asString()).isEqualTo("increment");
    }

    JsonNode item() {
        return ok(client.v3(RdsActions.DESCRIBE_CLOUD_MIGRATION_RESULT, Map.of("DBInstanceName", instance)))
                .path("Items")
                .get(0);
    }

    static JsonNode replicationInfo(JsonNode item) {
        return JsonMapper.shared().readTree(item.path("ReplicationInfo").asString());
    }

    JsonNode put(String json) {
        return ok(client.putInstance(instance, json));
    }

    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SimulatorClient.json(response);
    }

    /** The stage, ReplicationState, ReplicationInfo.Status and ReplicationInfo.ReplayLag of the migration. */
    String shown() {
        JsonNode item = item();
        JsonNode info = replicationInfo(item);
        return item.path("MigrateStage").asString() + " "
                + item.path("ReplicationState").asString() + " "
                + info.path("Status").asString() + " " + info.path("ReplayLag").asString();
    }

    @Test
    void showsADisconnectInTheItemAndItsReplicationInfo() {
        migrateToIncrement();
        assertThat(shown()).isEqualTo("increment streaming streaming 0");

        JsonNode view = put("{\"replicationState\":\"disconnect\"}");

        assertThat(view.path("replicationState").asString()).isEqualTo("disconnect");
        assertThat(view.path("replayLagSeconds").isNull()).isTrue();
        assertThat(view.path("status").asString()).isEqualTo("Running");
        assertThat(shown()).isEqualTo("increment disconnect disconnect 0");
        assertThat(replicationInfo(item()).path("Synced").asString()).isEqualTo("true");
    }

    @Test
    void showsALagInWholeSecondsAndKeepsWhatALaterChangeLeavesOut() {
        migrateToIncrement();

        assertThat(put("{\"replayLagSeconds\":120}").path("replayLagSeconds").asInt())
                .isEqualTo(120);
        assertThat(shown()).isEqualTo("increment streaming streaming 120");

        put("{\"replicationState\":\"catchup\"}");
        assertThat(shown()).as("the lag is kept").isEqualTo("increment catchup catchup 120");

        put("{\"status\":\"Running\"}");
        assertThat(shown()).as("both are kept").isEqualTo("increment catchup catchup 120");

        JsonNode restored = put("{\"replicationState\":\"streaming\",\"replayLagSeconds\":0}");
        assertThat(restored.path("replicationState").asString()).isEqualTo("streaming");
        assertThat(restored.path("replayLagSeconds").asInt()).isZero();
        assertThat(shown()).isEqualTo("increment streaming streaming 0");
    }

    @Test
    void showsOnlyWhileReplicatingAndLeavesTheStagesAlone() {
        put("{\"replicationState\":\"disconnect\",\"replayLagSeconds\":42}");
        startMigration();

        assertThat(shown()).isEqualTo("precheck unstarted unstarted 0");
        clock.advance(STAGE);
        assertThat(shown()).isEqualTo("basebackup unstarted unstarted 0");
        clock.advance(STAGE);
        assertThat(shown()).isEqualTo("startup disconnect disconnect 42");
        clock.advance(STAGE);
        assertThat(shown()).isEqualTo("increment disconnect disconnect 42");
        clock.advance(STAGE.multipliedBy(10));
        assertThat(shown()).as("still waits in increment").isEqualTo("increment disconnect disconnect 42");

        ok(client.v3(
                RdsActions.ACTIVATE_MIGRATION_TARGET_INSTANCE,
                Map.of("DBInstanceName", instance, "SwitchTimeMode", "0", "ForceSwitch", "1")));
        assertThat(shown()).isEqualTo("switch streaming streaming 0");
        clock.advance(STAGE);
        assertThat(shown()).isEqualTo("success finish finish 0");
    }

    @Test
    void refusesAnUnknownStateOrALagOutOfRange() {
        put("{\"replicationState\":\"disconnect\",\"replayLagSeconds\":7}");
        String[] refused = {
            "{\"replicationState\":\"lagging\"}",
            "{\"replicationState\":\"STREAMING\"}",
            "{\"replicationState\":\"\"}",
            "{\"replicationState\":0}",
            "{\"replayLagSeconds\":-1}",
            "{\"replayLagSeconds\":86401}",
            "{\"replayLagSeconds\":\"soon\"}"
        };

        for (String body : refused) {
            HttpResponse<String> response = client.putInstance(instance, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            // A value of the wrong form names its field. A lag out of range breaks a constraint of the body, which
            // the problem advice names after the body parameter ("request") as the path variable is checked too.
            String field = body.contains("Lag") ? "replayLagSeconds" : "replicationState";
            assertThat(SimulatorClient.json(response)
                            .path("errors")
                            .get(0)
                            .path("field")
                            .asString())
                    .as(body)
                    .isIn(field, "request");
        }

        JsonNode unchanged = ok(client.control("GET", "/instances/" + instance, null));
        assertThat(unchanged.path("replicationState").asString()).isEqualTo("disconnect");
        assertThat(unchanged.path("replayLagSeconds").asInt()).isEqualTo(7);
        assertThat(put("{\"replayLagSeconds\":86400}").path("replayLagSeconds").asInt())
                .isEqualTo(86_400);
    }

    @Test
    void aResetForgetsTheReplicationOverride() {
        put("{\"replicationState\":\"disconnect\",\"replayLagSeconds\":120}");

        assertThat(client.control("POST", "/reset", null).statusCode()).isEqualTo(204);

        JsonNode view = ok(client.control("GET", "/instances/" + instance, null));
        assertThat(view.path("replicationState").isNull()).isTrue();
        assertThat(view.path("replayLagSeconds").isNull()).isTrue();
        migrateToIncrement();
        assertThat(shown()).isEqualTo("increment streaming streaming 0");
    }
}
