package com.rdsmigration.gateway.simulator;

import static com.rdsmigration.gateway.simulator.SimulatorSignatureVerificationTests.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.simulator.SimulatorProperties.InstanceSettings;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Instances (and their resource groups), nonces and the call log: the small pieces of state the simulator keeps. */
class SimulatorStateTests {

    static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

    final InstanceDirectory instances = new InstanceDirectory(Map.of(
            "pgm-stopped", new InstanceSettings(null, "Stopped", null),
            "rm-mysql", new InstanceSettings(Engine.MYSQL, "Running", null),
            "custom-pg", new InstanceSettings(Engine.POSTGRESQL, "Running", null),
            "custom-none", new InstanceSettings(null, "Running", null),
            "pgm-owned", new InstanceSettings(null, "Running", "rg-team-a")));

    @Test
    void derivesEngineAndStateFromTheIdPrefix() {
        assertThat(instances.require("rm-abc", Engine.SQL_SERVER, true).status())
                .isEqualTo("Running");
        assertThat(instances.require("pgm-abc", Engine.POSTGRESQL, true).engine())
                .isEqualTo(Engine.POSTGRESQL);
        assertCode(() -> instances.require("i-abc", Engine.SQL_SERVER, true), "InvalidDBInstanceId.NotFound");
        assertCode(() -> instances.require("rm-abc", Engine.POSTGRESQL, true), "IncorrectDBInstanceType");
    }

    @Test
    void letsTheSettingsOverrideEngineAndState() {
        assertCode(() -> instances.require("pgm-stopped", Engine.POSTGRESQL, true), "IncorrectDBInstanceState");
        assertThat(instances.require("pgm-stopped", Engine.POSTGRESQL, false).status())
                .isEqualTo("Stopped");
        assertCode(() -> instances.require("rm-mysql", Engine.SQL_SERVER, true), "IncorrectDBInstanceType");
        assertThat(instances.require("custom-pg", Engine.POSTGRESQL, true).id()).isEqualTo("custom-pg");
        assertCode(() -> instances.require("custom-none", Engine.POSTGRESQL, true), "InvalidDBInstanceId.NotFound");
    }

    @Test
    void answersTheStateErrorWithStatus500AsTheRdsErrorPageLists() {
        assertThatThrownBy(() -> instances.require("pgm-stopped", Engine.POSTGRESQL, true))
                .isInstanceOfSatisfying(
                        RdsError.class, error -> assertThat(error.httpStatus()).isEqualTo(500));
    }

    @Test
    void appliesAndForgetsRuntimeOverrides() {
        instances.override("rm-live", null, "Rebooting", null);
        assertCode(() -> instances.require("rm-live", Engine.SQL_SERVER, true), "IncorrectDBInstanceState");
        assertThat(instances.overrides()).containsOnlyKeys("rm-live");

        instances.clearOverrides();
        assertThat(instances.require("rm-live", Engine.SQL_SERVER, true).status())
                .isEqualTo("Running");
    }

    @Test
    void placesInstancesInTheirConfiguredResourceGroupElseTheDefaultOne() {
        assertThat(instances.require("pgm-owned").resourceGroupId()).isEqualTo("rg-team-a");
        assertThat(instances.require("pgm-stopped").resourceGroupId()).isEqualTo("rg-default");
        assertThat(instances.require("rm-abc").resourceGroupId()).isEqualTo(InstanceDirectory.DEFAULT_RESOURCE_GROUP);
        assertCode(() -> instances.require("i-abc"), "InvalidDBInstanceId.NotFound");
    }

    @Test
    void keepsTheConfiguredValuesARuntimeOverrideLeavesOut() {
        instances.override("pgm-owned", null, "Stopped", null);
        assertThat(instances.require("pgm-owned"))
                .isEqualTo(new InstanceDirectory.Instance("pgm-owned", Engine.POSTGRESQL, "Stopped", "rg-team-a"));

        instances.override("pgm-owned", Engine.MYSQL, " ", "rg-team-b");
        assertThat(instances.require("pgm-owned"))
                .isEqualTo(new InstanceDirectory.Instance("pgm-owned", Engine.MYSQL, "Running", "rg-team-b"));

        instances.override("pgm-stopped", null, null, "rg-team-b");
        assertThat(instances.require("pgm-stopped").status()).isEqualTo("Stopped");

        instances.clearOverrides();
        assertThat(instances.require("pgm-owned").resourceGroupId()).isEqualTo("rg-team-a");
        assertThat(instances.require("pgm-stopped").resourceGroupId()).isEqualTo("rg-default");
    }

    @Test
    void keepsAReplicationOverrideThroughLaterChangesUntilAReset() {
        ReplicationOverride disconnect = new ReplicationOverride(ReplicationState.DISCONNECT, null);
        assertThat(instances.replication("pgm-live")).isEqualTo(ReplicationOverride.NONE);

        instances.override("pgm-live", null, null, null, disconnect);
        instances.override("pgm-live", null, null, null, new ReplicationOverride(null, 120));
        instances.override("pgm-live", null, "Stopped", null);
        assertThat(instances.replication("pgm-live"))
                .isEqualTo(new ReplicationOverride(ReplicationState.DISCONNECT, 120));
        assertThat(instances.require("pgm-live").status()).isEqualTo("Stopped");

        instances.override("pgm-live", null, null, null, new ReplicationOverride(ReplicationState.STREAMING, 0));
        assertThat(instances.replication("pgm-live")).isEqualTo(new ReplicationOverride(ReplicationState.STREAMING, 0));
        assertThat(instances.require("pgm-live").status())
                .as("a status left out takes the default, as before")
                .isEqualTo("Running");

        instances.clearOverrides();
        assertThat(instances.replication("pgm-live")).isEqualTo(ReplicationOverride.NONE);
    }

    @Test
    void countsAReplicationOnlyChangeAgainstTheBoundOnChangedInstances() {
        InstanceDirectory bounded = new InstanceDirectory(Map.of(), 1);
        ReplicationOverride lag = new ReplicationOverride(null, 30);

        assertThat(bounded.override("pgm-one", null, null, null, lag)).isTrue();
        assertThat(bounded.override("pgm-two", null, null, null, lag)).isFalse();
        assertThat(bounded.replication("pgm-two")).isEqualTo(ReplicationOverride.NONE);
        assertThat(bounded.require("pgm-one").status()).isEqualTo("Running");
    }

    @Test
    void describesConfiguredInstancesWithTheirResourceGroup() {
        var answer = new InstanceAttributeActions(instances)
                .describe(new ActionCall("R", Map.of("DBInstanceId", "pgm-owned,pgm-stopped"), NOW));

        assertThat(answer.attributes())
                .extracting(a -> a.dbInstanceId() + " " + a.dbInstanceStatus() + " " + a.resourceGroupId())
                .containsExactly("pgm-owned Running rg-team-a", "pgm-stopped Stopped rg-default");
    }

    @Test
    void readsACommaSeparatedInstanceListTrimmedAndWithoutRepeats() {
        assertThat(InstanceAttributeActions.ids(" rm-a , pgm-b,rm-a")).containsExactly("rm-a", "pgm-b");
        assertThat(InstanceAttributeActions.ids("pgm-b")).containsExactly("pgm-b");
        assertCode(() -> InstanceAttributeActions.ids("rm-a,,pgm-b"), "InvalidParameter");
        assertCode(() -> InstanceAttributeActions.ids(" , "), "InvalidParameter");
        assertCode(() -> InstanceAttributeActions.ids("pgm-b,".repeat(30) + "pgm-c"), "InvalidParameter");
        assertThat(InstanceAttributeActions.ids(String.join(",", Collections.nCopies(30, "pgm-b"))))
                .containsExactly("pgm-b");
    }

    @Test
    void refusesANonceSeenWithinTheWindowAndForgetsOlderOnes() {
        NonceRegistry nonces = new NonceRegistry();

        assertThat(nonces.use("n1", NOW)).isTrue();
        assertThat(nonces.use("n1", NOW.plus(NonceRegistry.WINDOW))).isFalse();
        assertThat(nonces.use("n2", NOW.plus(NonceRegistry.WINDOW).plusSeconds(1)))
                .isTrue();
        assertThat(nonces.size()).as("n1 forgotten").isEqualTo(1);
        assertThat(nonces.use("n1", NOW.plus(NonceRegistry.WINDOW).plusSeconds(2)))
                .isTrue();
    }

    @Test
    void keepsTheNonceMemoryBounded() {
        NonceRegistry nonces = new NonceRegistry();
        IntStream.range(0, NonceRegistry.MAX_NONCES + 10).forEach(i -> nonces.use("n" + i, NOW));

        assertThat(nonces.size()).isEqualTo(NonceRegistry.MAX_NONCES);
        nonces.clear();
        assertThat(nonces.size()).isZero();
    }

    @Test
    void keepsTheLastTenThousandCallsAndExactCounts() {
        CallLog log = new CallLog();
        for (int i = 0; i < CallLog.CAPACITY + 5; i++) {
            log.record(new CallLog.Call("t", "t", "CancelImport", AuthMode.V3, 200, null, "id-" + i));
        }
        log.record(new CallLog.Call("t", "t", "Nonsense", AuthMode.NONE, 404, "InvalidAction.NotFound", "last"));

        CallLog.Snapshot snapshot = log.snapshot();
        assertThat(snapshot.calls()).hasSize(CallLog.CAPACITY);
        assertThat(snapshot.calls().get(0).requestId()).isEqualTo("id-6");
        assertThat(snapshot.calls().get(CallLog.CAPACITY - 1).requestId()).isEqualTo("last");
        assertThat(snapshot.counts())
                .containsExactly(Map.entry(CallLog.OTHER, 1L), Map.entry("CancelImport", CallLog.CAPACITY + 5L));

        log.clear();
        assertThat(log.snapshot().calls()).isEmpty();
        assertThat(log.snapshot().counts()).isEmpty();
    }
}
