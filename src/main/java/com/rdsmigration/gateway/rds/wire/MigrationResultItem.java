package com.rdsmigration.gateway.rds.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One migration task of DescribeCloudMigrationResult. {@code ReplicationInfo} is JSON inside a string. The upstream
 * echoes {@code SourcePassword}; {@link #withoutPassword()} drops it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MigrationResultItem(
        @JsonProperty("TaskId") long taskId,
        @JsonProperty("TaskName") @Nullable String taskName,
        @JsonProperty("TargetInstanceName") @Nullable String targetInstanceName,
        @JsonProperty("SourceIpAddress") @Nullable String sourceIpAddress,
        @JsonProperty("SourcePort") @Nullable Long sourcePort,
        @JsonProperty("SourceAccount") @Nullable String sourceAccount,
        @JsonProperty("SourcePassword") @Nullable String sourcePassword,
        @JsonProperty("SourceCategory") @Nullable String sourceCategory,
        @JsonProperty("TargetEip") @Nullable String targetEip,
        @JsonProperty("GmtCreated") @Nullable String gmtCreated,
        @JsonProperty("GmtModified") @Nullable String gmtModified,
        @JsonProperty("SwitchTime") @Nullable String switchTime,
        @JsonProperty("MigrateStage") @Nullable String migrateStage,
        @JsonProperty("ReplicationState") @Nullable String replicationState,
        @JsonProperty("ReplicationInfo") @Nullable String replicationInfo,
        @JsonProperty("Detail") @Nullable String detail) {

    public MigrationResultItem withoutPassword() {
        return new MigrationResultItem(
                taskId,
                taskName,
                targetInstanceName,
                sourceIpAddress,
                sourcePort,
                sourceAccount,
                null,
                sourceCategory,
                targetEip,
                gmtCreated,
                gmtModified,
                switchTime,
                migrateStage,
                replicationState,
                replicationInfo,
                detail);
    }

    @Override
    public String toString() {
        return "MigrationResultItem[taskId=" + taskId + ", taskName=" + taskName + ", targetInstanceName="
                + targetInstanceName + ", migrateStage=" + migrateStage + ", replicationState=" + replicationState
                + ", sourcePassword=" + (sourcePassword == null ? "null" : "******") + "]";
    }
}
