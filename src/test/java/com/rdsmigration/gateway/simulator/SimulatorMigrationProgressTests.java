package com.rdsmigration.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A migration's stage, history, progress log and replication info, computed from the clock alone. */
class SimulatorMigrationProgressTests {

    static final Instant CREATED = Instant.parse("2026-03-01T06:00:00Z");
    static final StageClock CLOCK = new StageClock(Duration.ofSeconds(5));
    static final MigrationSource SOURCE = new MigrationSource("172.16.0.9", 5433, "migratetest", "pw", "idconvpc");

    static MigrationProgress at(long seconds) {
        return MigrationProgress.of(CREATED, null, CREATED.plusSeconds(seconds), CLOCK);
    }

    @Test
    void advancesOneStagePerStageDurationAndWaitsInIncrement() {
        assertThat(at(0).stage()).isEqualTo(MigrateStage.PRECHECK);
        assertThat(at(5).stage()).isEqualTo(MigrateStage.BASEBACKUP);
        assertThat(at(10).stage()).isEqualTo(MigrateStage.STARTUP);
        assertThat(at(15).stage()).isEqualTo(MigrateStage.INCREMENT);
        assertThat(at(3600).stage()).isEqualTo(MigrateStage.INCREMENT);
        assertThat(at(3600).modifiedAt()).isEqualTo(CREATED.plusSeconds(15));
        assertThat(at(3600).switchTime()).isNull();
    }

    @Test
    void switchesForOneStageThenSucceedsWithTheSwitchTime() {
        Instant activated = CREATED.plusSeconds(100);

        MigrationProgress switching = MigrationProgress.of(CREATED, activated, activated.plusSeconds(4), CLOCK);
        assertThat(switching.stage()).isEqualTo(MigrateStage.SWITCH);
        assertThat(switching.switchTime()).isNull();

        MigrationProgress done = MigrationProgress.of(CREATED, activated, activated.plusSeconds(60), CLOCK);
        assertThat(done.stage()).isEqualTo(MigrateStage.SUCCESS);
        assertThat(done.switchTime()).isEqualTo(activated.plusSeconds(5));
        assertThat(done.history()).extracting(MigrationProgress.Entered::stage).containsExactly(MigrateStage.values());
    }

    @Test
    void growsTheProgressLogOneSectionPerStage() {
        String report = PrecheckReport.of(SOURCE);

        assertThat(MigrationItems.detail(report, at(0))).isEqualTo(report);
        assertThat(MigrationItems.detail(report, at(15)))
                .startsWith(report + "\n[Backup source data]\n2026-03-01 06:00:05 --- ")
                .contains("\n[Start RDS instance]\n2026-03-01 06:00:10 --- Start RDS instance as slave")
                .endsWith("\n[Synchronize data]\n2026-03-01 06:00:15 --- Synchronize data from source to RDS by"
                        + " streaming replication");
    }

    @Test
    void describesReplicationAsJsonTextWithTheDocumentedKeys() {
        JsonNode unstarted = info(at(0), 0);
        assertThat(unstarted.path("Status").asString()).isEqualTo("unstarted");
        assertThat(unstarted.path("ReceiveStartLsn").asString()).isEmpty();
        assertThat(unstarted.path("Synced").asString()).isEqualTo("false");

        JsonNode streaming = info(at(20), 20);
        assertThat(streaming.propertyNames())
                .containsExactlyInAnyOrder(
                        "Status",
                        "ReceiveStartLsn",
                        "ReceivedTli",
                        "LatestEndTime",
                        "Synced",
                        "IsSlave",
                        "ReplayTimestamp",
                        "LastMsgSendTime",
                        "Conninfo",
                        "LastMsgReceiptTime",
                        "LatestEndLsn",
                        "ReceivedLsn",
                        "ReplayLsn",
                        "ReceiveStartTli",
                        "ReplayLag");
        assertThat(streaming.path("Status").asString()).isEqualTo("streaming");
        assertThat(streaming.path("ReceiveStartLsn").asString()).isEqualTo("0/3000000");
        assertThat(streaming.path("ReceivedLsn").asString()).isEqualTo("0/3A00000");
        assertThat(streaming.path("ReplayLag").asString()).isEqualTo("0");
        assertThat(streaming.path("IsSlave").asString()).isEqualTo("true");
        assertThat(streaming.path("LatestEndTime").asString()).isEqualTo("2026-03-01 06:00:20.000000+00");
        assertThat(streaming.path("Conninfo").asString())
                .startsWith("user=migratetest password=******** ")
                .contains("host=172.16.0.9 port=5433");
        assertThat(streaming.properties()).allMatch(entry -> entry.getValue().isString());
    }

    @Test
    void showsAnImposedStateAndLagOnlyFromStartupUntilTheSwitchover() {
        ReplicationOverride imposed = new ReplicationOverride(ReplicationState.DISCONNECT, 120);
        Instant activated = CREATED.plusSeconds(100);
        MigrationProgress switching = MigrationProgress.of(CREATED, activated, activated.plusSeconds(1), CLOCK);
        MigrationProgress done = MigrationProgress.of(CREATED, activated, activated.plusSeconds(5), CLOCK);

        assertThat(List.of(at(0), at(5), at(10), at(15), switching, done))
                .extracting(progress -> progress.stage().wireName() + " " + imposed.state(progress.stage()) + " "
                        + imposed.replayLagSeconds(progress.stage(), -1))
                .containsExactly(
                        "precheck unstarted -1",
                        "basebackup unstarted -1",
                        "startup disconnect 120",
                        "increment disconnect 120",
                        "switch streaming -1",
                        "success finish -1");

        JsonNode info = JsonMapper.shared()
                .readTree(MigrationItems.replicationInfo(SOURCE, at(20), imposed, CREATED.plusSeconds(20)));
        assertThat(info.path("Status").asString()).isEqualTo("disconnect");
        assertThat(info.path("ReplayLag").asString()).isEqualTo("120");
        assertThat(info.path("ReceivedLsn").asString())
                .as("otherwise unchanged")
                .isEqualTo("0/3A00000");
        assertThat(MigrationItems.replicationInfo(SOURCE, at(20), ReplicationOverride.NONE, CREATED.plusSeconds(20)))
                .isEqualTo(MigrationItems.replicationInfo(SOURCE, at(20), CREATED.plusSeconds(20)));
    }

    @Test
    void keepsTheStagesOwnStateAndLagForWhatAnOverrideLeavesOut() {
        ReplicationOverride lagOnly = new ReplicationOverride(null, 120);

        assertThat(lagOnly.state(MigrateStage.STARTUP)).isEqualTo("catchup");
        assertThat(lagOnly.replayLagSeconds(MigrateStage.STARTUP, 5)).isEqualTo(120);
        assertThat(new ReplicationOverride(ReplicationState.CATCHUP, null).replayLagSeconds(MigrateStage.INCREMENT, 0))
                .isZero();
        assertThat(lagOnly.with(new ReplicationOverride(ReplicationState.DISCONNECT, null)))
                .isEqualTo(new ReplicationOverride(ReplicationState.DISCONNECT, 120));
        assertThat(Arrays.stream(ReplicationState.values()).map(ReplicationState::wireName))
                .containsExactly("streaming", "catchup", "disconnect");
    }

    @Test
    void writesLsnsAsPostgresDoes() {
        assertThat(MigrationItems.lsn(0x3000000L)).isEqualTo("0/3000000");
        assertThat(MigrationItems.lsn(0x1_0000_00A0L)).isEqualTo("1/A0");
    }

    static JsonNode info(MigrationProgress progress, long seconds) {
        return JsonMapper.shared()
                .readTree(MigrationItems.replicationInfo(SOURCE, progress, CREATED.plusSeconds(seconds)));
    }
}
