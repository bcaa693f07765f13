package com.rdsmigration.gateway.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One import task: what a team asked for, the upstream's ids, and its status. */
@Entity
@Table(name = "import_task")
class ImportTask {

    @Id
    private UUID id;

    private String team;

    @Column(name = "source_instance_id")
    private String sourceInstanceId;

    @Column(name = "target_instance_id")
    private String targetInstanceId;

    /** JSON object mapping source database names to target names. */
    private String databases;

    @Column(name = "import_id")
    private @Nullable String importId;

    @Column(name = "request_id")
    private @Nullable String requestId;

    @Enumerated(EnumType.STRING)
    private ImportStatus status;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private @Nullable Long version;

    protected ImportTask() {}

    ImportTask(String team, String sourceInstanceId, String targetInstanceId, String databases, Instant now) {
        this.id = UUID.randomUUID();
        this.team = team;
        this.sourceInstanceId = sourceInstanceId;
        this.targetInstanceId = targetInstanceId;
        this.databases = databases;
        this.status = ImportStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A task as stored, read by the store's plain-JDBC queries. */
    ImportTask(
            UUID id,
            String team,
            String sourceInstanceId,
            String targetInstanceId,
            String databases,
            @Nullable String importId,
            @Nullable String requestId,
            ImportStatus status,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        this.id = id;
        this.team = team;
        this.sourceInstanceId = sourceInstanceId;
        this.targetInstanceId = targetInstanceId;
        this.databases = databases;
        this.importId = importId;
        this.requestId = requestId;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    void accepted(String importId, String requestId, Instant now) {
        this.importId = importId;
        this.requestId = requestId;
        moveTo(ImportStatus.RUNNING, now);
    }

    void moveTo(ImportStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    @Nullable
    Long getVersion() {
        return version;
    }

    UUID getId() {
        return id;
    }

    String getTeam() {
        return team;
    }

    String getSourceInstanceId() {
        return sourceInstanceId;
    }

    String getTargetInstanceId() {
        return targetInstanceId;
    }

    String getDatabases() {
        return databases;
    }

    @Nullable
    String getImportId() {
        return importId;
    }

    @Nullable
    String getRequestId() {
        return requestId;
    }

    ImportStatus getStatus() {
        return status;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
