package com.rdsmigration.gateway.cloudmigration;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A precheck or a migration: the target instance, the source (never its password), the upstream task id and name,
 * and the last state read from upstream.
 */
@Entity
@Table(name = "cloud_migration_task")
class CloudMigrationTask {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    private TaskKind kind;

    private String team;

    @Column(name = "target_instance_id")
    private String targetInstanceId;

    @Column(name = "source_host")
    private String sourceHost;

    @Column(name = "source_port")
    private int sourcePort;

    @Column(name = "source_account")
    private String sourceAccount;

    @Column(name = "source_category")
    private String sourceCategory;

    @Column(name = "task_name")
    private String taskName;

    @Column(name = "task_id")
    private @Nullable Long taskId;

    @Column(name = "precheck_id")
    private @Nullable UUID precheckId;

    @Column(name = "request_id")
    private @Nullable String requestId;

    @Enumerated(EnumType.STRING)
    private TaskStatus status;

    private @Nullable String stage;

    @Column(name = "replication_state")
    private @Nullable String replicationState;

    @Column(name = "replication_info")
    private @Nullable String replicationInfo;

    private @Nullable String detail;

    @Column(name = "switch_time")
    private @Nullable Instant switchTime;

    @Column(name = "switch_task_id")
    private @Nullable Long switchTaskId;

    /** The guided migration that drives this migration and alone may switch it over; {@code null} for the others. */
    @Column(name = "governed_by")
    private @Nullable UUID governedBy;

    @Column(name = "synced_at")
    private @Nullable Instant syncedAt;

    @Column(name = "next_sync_at")
    private @Nullable Instant nextSyncAt;

    @Column(name = "unchanged_reads")
    private int unchangedReads;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private @Nullable Long version;

    /**
     * Read only: {@link StageHistory} inserts each stage once, under the task's row lock, so this collection is never
     * changed in memory and Hibernate never rewrites it.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "migration_stage_history", joinColumns = @JoinColumn(name = "task_id"))
    @OrderBy("firstSeenAt")
    private List<StageVisit> stageHistory = new ArrayList<>();

    protected CloudMigrationTask() {}

    CloudMigrationTask(NewTask task, Instant now) {
        MigrationSource source = task.source();
        this.id = task.id();
        this.kind = task.kind();
        this.team = task.team();
        this.targetInstanceId = task.target();
        this.sourceHost = source.host();
        this.sourcePort = source.port();
        this.sourceAccount = source.account();
        this.sourceCategory = source.category();
        this.taskName = task.taskName();
        this.precheckId = task.precheckId();
        this.governedBy = task.governedBy();
        this.status = TaskStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void accepted(long taskId, @Nullable String requestId, Instant now) {
        this.taskId = taskId;
        this.requestId = requestId;
        this.status = TaskStatus.RUNNING;
        this.updatedAt = now;
    }

    /** The create's answer was lost: the task stays UNKNOWN until the reconciler settles it. */
    void outcomeUnknown(Instant now) {
        this.status = TaskStatus.UNKNOWN;
        this.updatedAt = now;
    }

    /** Records what the upstream reported in a read sent at {@code readAt}. */
    void synced(UpstreamState state, TaskStatus status, Instant readAt, Instant now) {
        this.stage = state.stage();
        this.replicationState = state.replicationState();
        this.replicationInfo = state.replicationInfo();
        this.detail = state.detail();
        this.switchTime = state.switchTime();
        this.status = status;
        this.syncedAt = readAt;
        this.updatedAt = now;
    }

    /** When the tracker reads the task next, after {@code unchangedReads} reads in a row that found nothing new. */
    void scheduleRead(Instant next, int unchangedReads) {
        this.nextSyncAt = next;
        this.unchangedReads = unchangedReads;
    }

    void switchoverRequested(long switchTaskId, Instant now) {
        this.switchTaskId = switchTaskId;
        this.status = TaskStatus.SWITCHING;
        this.updatedAt = now;
        // The stage moves on at once: the tracker reads it without waiting.
        scheduleRead(now, 0);
    }

    UUID getId() {
        return id;
    }

    TaskKind getKind() {
        return kind;
    }

    String getTeam() {
        return team;
    }

    String getTargetInstanceId() {
        return targetInstanceId;
    }

    MigrationSource getSource() {
        return new MigrationSource(sourceHost, sourcePort, sourceAccount, null, sourceCategory);
    }

    String getTaskName() {
        return taskName;
    }

    @Nullable
    Long getTaskId() {
        return taskId;
    }

    @Nullable
    UUID getPrecheckId() {
        return precheckId;
    }

    @Nullable
    String getRequestId() {
        return requestId;
    }

    TaskStatus getStatus() {
        return status;
    }

    @Nullable
    String getStage() {
        return stage;
    }

    @Nullable
    String getReplicationState() {
        return replicationState;
    }

    @Nullable
    String getReplicationInfo() {
        return replicationInfo;
    }

    @Nullable
    String getDetail() {
        return detail;
    }

    @Nullable
    Instant getSwitchTime() {
        return switchTime;
    }

    @Nullable
    Long getSwitchTaskId() {
        return switchTaskId;
    }

    @Nullable
    UUID getGovernedBy() {
        return governedBy;
    }

    @Nullable
    Instant getSyncedAt() {
        return syncedAt;
    }

    @Nullable
    Instant getNextSyncAt() {
        return nextSyncAt;
    }

    int getUnchangedReads() {
        return unchangedReads;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The stages seen, in the order first seen; stages first seen in one read in the order a migration takes them. */
    List<StageVisit> getStageHistory() {
        return stageHistory.stream()
                .sorted(Comparator.comparing(StageVisit::getFirstSeenAt).thenComparing(visit -> stageOrder(visit)))
                .toList();
    }

    private static int stageOrder(StageVisit visit) {
        int index = MigrationStatus.STAGES.indexOf(visit.getStage());
        return index < 0 ? MigrationStatus.STAGES.size() : index;
    }
}
