package com.rdsmigration.gateway.rds.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of CreateCloudMigrationPrecheckTask. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateCloudMigrationPrecheckTaskResponse(
        @JsonProperty("DBInstanceName") String dbInstanceName,
        @JsonProperty("TaskId") long taskId,
        @JsonProperty("TaskName") String taskName,
        @JsonProperty("RequestId") String requestId)
        implements RdsResponse {}
