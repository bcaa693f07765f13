package com.rdsmigration.gateway.simulator;

import static com.rdsmigration.gateway.simulator.SimulatorSignatureVerificationTests.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every store of the simulator stays within its bound however many tasks, overrides, calls or nonces arrive: the
 * oldest ended entry goes, and where forgetting would be wrong (a task still running, an instance override) the new
 * one is refused clearly.
 */
class SimulatorBoundsTests {

    static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
    static final StageClock STAGES = new StageClock(Duration.ofSeconds(5));
    static final Instant LATER = T0.plus(Duration.ofMinutes(1));
    static final MigrationSource SOURCE = new MigrationSource("10.0.0.1", 5432, "u", "p", "ecsonvpc");

    @Test
    void forgetsTheOldestEndedImportsBeyondTheBound() {
        ImportRegistry imports = new ImportRegistry(STAGES, 1, 3);
        List<Long> first = IntStream.range(0, 3)
                .mapToObj(i -> imports.create("rm-dst", "rm-src", Map.of("db", "db"), T0)
                        .importId())
                .toList();

        long fourth =
                imports.create("rm-dst", "rm-src", Map.of("db", "db"), LATER).importId();
        long fifth =
                imports.create("rm-dst", "rm-src", Map.of("db", "db"), LATER).importId();

        assertThat(imports.size()).isEqualTo(3);
        assertThat(imports.find(first.get(0))).isNull();
        assertThat(imports.find(first.get(1))).isNull();
        assertThat(imports.find(first.get(2))).isNotNull();
        assertThat(imports.find(fourth)).isNotNull();
        assertThat(imports.find(fifth)).isNotNull();
    }

    @Test
    void refusesAnImportWhileEveryKeptOneIsStillRunning() {
        ImportRegistry imports = new ImportRegistry(STAGES, 1, 2);
        imports.create("rm-dst", "rm-src", Map.of("db", "db"), T0);
        imports.create("rm-dst", "rm-src", Map.of("db", "db"), T0);

        assertCode(
                () -> imports.create("rm-dst", "rm-src", Map.of("db", "db"), T0), "OperationDenied.TaskQuotaExceeded");
        assertThatThrownBy(() -> imports.create("rm-dst", "rm-src", Map.of("db", "db"), T0))
                .isInstanceOfSatisfying(
                        RdsError.class, error -> assertThat(error.httpStatus()).isEqualTo(403))
                .hasMessageContaining("rds.simulator.max-tasks");
        assertThat(imports.size()).isEqualTo(2);
    }

    @Test
    void forgetsTheOldestFinishedPrecheckAndItsInstanceBeyondTheBound() {
        PrecheckRegistry prechecks = new PrecheckRegistry(STAGES, 2);
        prechecks.create("pgm-one", SOURCE, null, T0);
        prechecks.create("pgm-two", SOURCE, null, T0);

        prechecks.create("pgm-three", SOURCE, null, LATER);

        assertThat(prechecks.size()).isEqualTo(2);
        assertThat(prechecks.of("pgm-one")).isEmpty();
        assertThat(prechecks.of("pgm-two")).hasSize(1);
        assertThat(prechecks.of("pgm-three")).hasSize(1);
        prechecks.create("pgm-four", SOURCE, null, LATER);
        assertThat(prechecks.of("pgm-two")).isEmpty();
        assertCode(() -> prechecks.create("pgm-five", SOURCE, null, LATER), "OperationDenied.TaskQuotaExceeded");
    }

    @Test
    void keepsMigrationsAwaitingSwitchoverAndForgetsTheOldestSucceeded() {
        MigrationRegistry migrations = new MigrationRegistry(STAGES, 2);
        migrations.create("pgm-one", SOURCE, null, "report", T0);
        migrations.create("pgm-two", SOURCE, null, "report", T0);

        // Both wait in increment for their switchover: forgetting either would lose a task its caller still drives.
        assertCode(
                () -> migrations.create("pgm-three", SOURCE, null, "report", LATER),
                "OperationDenied.TaskQuotaExceeded");

        migrations.activate("pgm-one", LATER);
        Instant afterSwitch = LATER.plus(Duration.ofMinutes(1));
        migrations.create("pgm-three", SOURCE, null, "report", afterSwitch);

        assertThat(migrations.size()).isEqualTo(2);
        assertThat(migrations.of("pgm-one")).isEmpty();
        assertThat(migrations.of("pgm-two")).hasSize(1);
        assertThat(migrations.of("pgm-three")).hasSize(1);
    }

    @Test
    void refusesAnOverrideOfOneMoreInstanceButChangesTheOnesAlreadyChanged() {
        InstanceDirectory instances = new InstanceDirectory(Map.of(), 2);
        assertThat(instances.override("pgm-one", null, "Stopped", null)).isTrue();
        assertThat(instances.override("pgm-two", null, "Stopped", null)).isTrue();

        assertThat(instances.override("pgm-three", null, "Stopped", null)).isFalse();
        assertThat(instances.override("pgm-one", null, "Running", "rg-x")).isTrue();

        assertThat(instances.overrides()).containsOnlyKeys("pgm-one", "pgm-two");
        assertThat(instances.require("pgm-three").status()).isEqualTo("Running");
    }

    @Test
    void keepsTheConfiguredNumberOfCallsAndNonces() {
        CallLog calls = new CallLog(3);
        IntStream.range(0, 5)
                .forEach(i ->
                        calls.record(new CallLog.Call("t", "t", "CancelImport", AuthMode.V3, 200, null, "id-" + i)));
        NonceRegistry nonces = new NonceRegistry(3);
        IntStream.range(0, 5).forEach(i -> nonces.use("n" + i, T0));

        assertThat(calls.snapshot().calls())
                .extracting(CallLog.Call::requestId)
                .containsExactly("id-2", "id-3", "id-4");
        assertThat(nonces.size()).isEqualTo(3);
    }

    @Test
    void stillRefusesAReplayedLongNonceThatItKeepsOnlyAsADigest() {
        NonceRegistry nonces = new NonceRegistry(3);
        String longNonce = "n".repeat(100_000);

        assertThat(nonces.use(longNonce, T0)).isTrue();
        assertThat(nonces.use(longNonce, T0)).isFalse();
        assertThat(nonces.use(longNonce + "x", T0)).isTrue();
    }

    @Test
    void refusesAParameterOrADbInfoBeyondItsLengthNamingIt() {
        ParameterLimits limits = new ParameterLimits(100, 1000);
        Map<String, String> fine = new LinkedHashMap<>();
        fine.put("TaskName", "t".repeat(100));
        fine.put("DBInfo", "{\"DBNames\":[\"" + "d".repeat(900) + "\"]}");
        fine.put("SecurityToken", "s".repeat(5000));
        limits.check(fine);

        assertThatThrownBy(() -> limits.check(Map.of("TaskName", "t".repeat(101))))
                .isInstanceOfSatisfying(
                        RdsError.class, error -> assertThat(error.code()).isEqualTo("InvalidParameter"))
                .hasMessageContaining("\"TaskName\"");
        assertThatThrownBy(() -> limits.check(Map.of("DBInfo", "d".repeat(1001))))
                .isInstanceOfSatisfying(
                        RdsError.class, error -> assertThat(error.code()).isEqualTo("InvalidParameter"))
                .hasMessageContaining("\"DBInfo\"");
    }
}
