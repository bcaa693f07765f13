package com.rdsmigration.gateway.rds.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of CreateCloudMigrationTask. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateCloudMigrationTaskResponse(
        @JsonProperty("DBInstanceName") String dbInstanceName,
        @JsonProperty("TaskId") long taskId,
        @JsonProperty("TaskName") String taskName,
        @JsonProperty("RequestId") String requestId)
        implements RdsResponse {}
