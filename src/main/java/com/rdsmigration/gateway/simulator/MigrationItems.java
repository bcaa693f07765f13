package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.wire.MigrationResultItem;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a migration as an item of DescribeCloudMigrationResult: the stage and replication state, the growing
 * progress log in {@code Detail} (the precheck report, then a section and a time-stamped line per stage reached) and
 * {@code ReplicationInfo}, JSON text with the documented keys, all values strings, the password masked. A replication
 * state or lag set through the control API ({@link ReplicationOverride}) shows in {@code ReplicationState} and in
 * {@code ReplicationInfo}'s {@code Status} and {@code ReplayLag}; nothing else changes.
 */
final class MigrationItems {

    static final long START_LSN = 0x3000000L;
    static final long BYTES_PER_SECOND = 0x100000L;

    private MigrationItems() {}

    static MigrationResultItem of(
            MigrationRegistry.MigrationTask task,
            MigrationProgress progress,
            ReplicationOverride replication,
            Instant now) {
        MigrationSource source = task.source();
        return new MigrationResultItem(
                task.taskId(),
                task.taskName(),
                task.instance(),
                source.ipAddress(),
                source.port(),
                source.account(),
                source.password(),
                source.category(),
                null,
                WireTimes.gmt(task.createdAt()),
                WireTimes.gmt(progress.modifiedAt()),
                WireTimes.gmt(progress.switchTime()),
                progress.stage().wireName(),
                replication.state(progress.stage()),
                replicationInfo(source, progress, replication, now),
                detail(task.precheckReport(), progress));
    }

    static String detail(String precheckReport, MigrationProgress progress) {
        StringBuilder detail = new StringBuilder(precheckReport);
        for (MigrationProgress.Entered entered : progress.history()) {
            MigrateStage stage = entered.stage();
            if (stage.section() != null) {
                detail.append('\n').append(stage.section());
                detail.append('\n')
                        .append(WireTimes.log(entered.at()))
                        .append(" --- ")
                        .append(stage.logLine());
            }
        }
        return detail.toString();
    }

    static String replicationInfo(MigrationSource source, MigrationProgress progress, Instant now) {
        return replicationInfo(source, progress, ReplicationOverride.NONE, now);
    }

    static String replicationInfo(
            MigrationSource source, MigrationProgress progress, ReplicationOverride replication, Instant now) {
        MigrateStage stage = progress.stage();
        Instant startedAt = progress.replicationStartedAt();
        boolean replicating = stage.replicating() && startedAt != null;
        Instant until = progress.switchTime() != null ? progress.switchTime() : now;
        long received = replicating ? START_LSN + seconds(startedAt, until) * BYTES_PER_SECOND : 0;
        long replayed = stage == MigrateStage.STARTUP ? (START_LSN + received) / 2 : received;
        String time = replicating ? WireTimes.postgres(until) : "";
        Map<String, String> info = new LinkedHashMap<>();
        info.put("Status", replication.state(stage));
        info.put("ReceiveStartLsn", replicating ? lsn(START_LSN) : "");
        info.put("ReceiveStartTli", replicating ? "1" : "");
        info.put("ReceivedLsn", replicating ? lsn(received) : "");
        info.put("ReceivedTli", replicating ? "1" : "");
        info.put("LatestEndLsn", replicating ? lsn(received) : "");
        info.put("LatestEndTime", time);
        info.put("LastMsgSendTime", time);
        info.put("LastMsgReceiptTime", time);
        info.put("ReplayLsn", replicating ? lsn(replayed) : "");
        info.put("ReplayTimestamp", time);
        info.put(
                "ReplayLag", Long.toString(replication.replayLagSeconds(stage, stage == MigrateStage.STARTUP ? 5 : 0)));
        info.put("Synced", Boolean.toString(stage.compareTo(MigrateStage.INCREMENT) >= 0));
        info.put("IsSlave", Boolean.toString(replicating && stage != MigrateStage.SUCCESS));
        info.put("Conninfo", conninfo(source));
        return JsonMapper.shared().writeValueAsString(info);
    }

    static String conninfo(MigrationSource source) {
        return "user=" + source.account() + " password=******** channel_binding=prefer dbname=replication host="
                + source.ipAddress() + " port=" + source.port() + " fallback_application_name=walreceiver"
                + " sslmode=prefer sslcompression=0 gssencmode=prefer krbsrvname=postgres target_session_attrs=any";
    }

    static String lsn(long position) {
        return Long.toHexString(position >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
                + Long.toHexString(position & 0xFFFFFFFFL).toUpperCase(java.util.Locale.ROOT);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
