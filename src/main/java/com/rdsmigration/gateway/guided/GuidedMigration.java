package com.rdsmigration.gateway.guided;

import com.rdsmigration.gateway.cloudmigration.CloudMigrations;
import com.rdsmigration.gateway.cloudmigration.MigrationSource;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One PostgreSQL cloud migration driven from precheck to cutover: its gates, the ids of the precheck and migration it
 * made, what it last saw of the replication, its approvals and the history of its statuses. The source password is
 * kept only sealed, and only until the migration is created upstream.
 */
@Entity
@Table(name = "guided_migration")
class GuidedMigration {

    /** The longest reason kept in the history; longer ones are cut. */
    static final int MAX_REASON = 1000;

    @Id
    private UUID id;

    private String team;

    @Column(name = "created_by")
    private String createdBy;

    @Enumerated(EnumType.STRING)
    private GuidedStatus status;

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

    @Column(name = "source_password_sealed")
    private byte @Nullable [] sealedPassword;

    @Column(name = "task_name")
    private String taskName;

    @Column(name = "precheck_id")
    private @Nullable UUID precheckId;

    @Column(name = "migration_id")
    private @Nullable UUID migrationId;

    @Embedded
    private CutoverPolicy policy;

    @Column(name = "cutover_requested_by")
    private @Nullable String cutoverRequestedBy;

    @Column(name = "cutover_accept_lag")
    private boolean cutoverAcceptLag;

    @Column(name = "cutover_started_at")
    private @Nullable Instant cutoverStartedAt;

    @Column(name = "switch_task_id")
    private @Nullable Long switchTaskId;

    /** Hibernate reads an embeddable whose columns are all null (nothing read yet) as null. */
    @Embedded
    private @Nullable ReplicationSeen replication;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private @Nullable Long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "guided_migration_approval", joinColumns = @JoinColumn(name = "guided_migration_id"))
    private Set<Approval> approvals = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "guided_migration_history", joinColumns = @JoinColumn(name = "guided_migration_id"))
    @OrderColumn(name = "seq")
    private List<HistoryEntry> history = new ArrayList<>();

    protected GuidedMigration() {}

    GuidedMigration(
            UUID id,
            String team,
            String createdBy,
            String targetInstanceId,
            MigrationSource source,
            byte[] sealedPassword,
            String taskName,
            CutoverPolicy policy,
            Instant now) {
        this.id = id;
        this.team = team;
        this.createdBy = createdBy;
        this.targetInstanceId = targetInstanceId;
        this.sourceHost = source.host();
        this.sourcePort = source.port();
        this.sourceAccount = source.account();
        this.sourceCategory = source.category();
        this.sealedPassword = sealedPassword.clone();
        this.taskName = taskName;
        this.policy = policy;
        this.precheckId = UUID.randomUUID();
        this.createdAt = now;
        moveTo(GuidedStatus.PENDING, now, "created by " + createdBy);
    }

    /** Takes {@code next} as its status, in the history with {@code reason}. */
    void moveTo(GuidedStatus next, Instant now, @Nullable String reason) {
        this.status = next;
        this.updatedAt = now;
        String kept = reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
        history.add(new HistoryEntry(next, now, kept));
        if (next.isFinal()) {
            this.sealedPassword = null;
        }
    }

    /** A new precheck for a retry: its id is chosen (and recorded) before it is created. */
    void newPrecheck() {
        this.precheckId = UUID.randomUUID();
    }

    /** The migration's id, chosen (and recorded) before it is created. */
    UUID planMigration() {
        if (migrationId == null) {
            migrationId = UUID.randomUUID();
        }
        return migrationId;
    }

    /** The migration exists upstream: the password is not needed again. */
    void forgetPassword() {
        this.sealedPassword = null;
    }

    /** Records what the migration shows now. */
    void observed(CloudMigrations.Progress migration, Instant now) {
        ReplicationSeen seen = getReplication();
        if (seen.differs(migration)) {
            seen.record(migration);
            this.replication = seen;
            this.updatedAt = now;
        }
    }

    void approve(Approval approval) {
        approvals.add(approval);
        this.updatedAt = approval.getAt();
    }

    void requestCutover(String by, boolean acceptLag, Instant now) {
        this.cutoverRequestedBy = by;
        this.cutoverAcceptLag = acceptLag;
        this.updatedAt = now;
    }

    void cutoverStarted(Instant now) {
        this.cutoverStartedAt = now;
    }

    void switchAccepted(long switchTaskId) {
        this.switchTaskId = switchTaskId;
    }

    boolean approvedBy(String principal) {
        return approvals.stream().anyMatch(approval -> approval.getBy().equals(principal));
    }

    UUID getId() {
        return id;
    }

    String getTeam() {
        return team;
    }

    String getCreatedBy() {
        return createdBy;
    }

    GuidedStatus getStatus() {
        return status;
    }

    String getTargetInstanceId() {
        return targetInstanceId;
    }

    /** The source without its password. */
    MigrationSource getSource() {
        return new MigrationSource(sourceHost, sourcePort, sourceAccount, null, sourceCategory);
    }

    byte @Nullable [] getSealedPassword() {
        return sealedPassword == null ? null : sealedPassword.clone();
    }

    String getTaskName() {
        return taskName;
    }

    @Nullable
    UUID getPrecheckId() {
        return precheckId;
    }

    @Nullable
    UUID getMigrationId() {
        return migrationId;
    }

    CutoverPolicy getPolicy() {
        return policy;
    }

    @Nullable
    String getCutoverRequestedBy() {
        return cutoverRequestedBy;
    }

    boolean isCutoverAcceptLag() {
        return cutoverAcceptLag;
    }

    @Nullable
    Instant getCutoverStartedAt() {
        return cutoverStartedAt;
    }

    @Nullable
    Long getSwitchTaskId() {
        return switchTaskId;
    }

    ReplicationSeen getReplication() {
        return replication != null ? replication : new ReplicationSeen();
    }

    List<Approval> getApprovals() {
        return approvals.stream()
                .sorted(java.util.Comparator.comparing(Approval::getAt))
                .toList();
    }

    List<HistoryEntry> getHistory() {
        return List.copyOf(history);
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
