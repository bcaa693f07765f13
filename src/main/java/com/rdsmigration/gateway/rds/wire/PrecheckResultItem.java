package com.rdsmigration.gateway.rds.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One precheck report of DescribeCloudMigrationPrecheckResult. There is no status field: the outcome is in the text
 * of {@code Detail}. The upstream echoes {@code SourcePassword}; {@link #withoutPassword()} drops it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PrecheckResultItem(
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
        @JsonProperty("Detail") @Nullable String detail) {

    public PrecheckResultItem withoutPassword() {
        return new PrecheckResultItem(
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
                detail);
    }

    @Override
    public String toString() {
        return "PrecheckResultItem[taskId=" + taskId + ", taskName=" + taskName + ", targetInstanceName="
                + targetInstanceName + ", source=" + sourceAccount + "@" + sourceIpAddress + ":" + sourcePort
                + ", sourcePassword=" + (sourcePassword == null ? "null" : "******") + "]";
    }
}
