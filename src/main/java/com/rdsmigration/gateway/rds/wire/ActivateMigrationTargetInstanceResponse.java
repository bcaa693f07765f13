package com.rdsmigration.gateway.rds.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** Answer of ActivateMigrationTargetInstance; {@code TaskId} is the switchover task, not the migration task. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActivateMigrationTargetInstanceResponse(
        @JsonProperty("DBInstanceName") String dbInstanceName,
        @JsonProperty("TaskId") long taskId,
        @JsonProperty("SourceIpAddress") @Nullable String sourceIpAddress,
        @JsonProperty("SourcePort") @Nullable Long sourcePort,
        @JsonProperty("RequestId") String requestId)
        implements RdsResponse {}
