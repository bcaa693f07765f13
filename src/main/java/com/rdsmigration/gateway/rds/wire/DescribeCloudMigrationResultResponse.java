package com.rdsmigration.gateway.rds.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Answer of DescribeCloudMigrationResult; {@code Items} is a bare JSON array. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DescribeCloudMigrationResultResponse(
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("PageNumber") long pageNumber,
        @JsonProperty("PageSize") long pageSize,
        @JsonProperty("TotalSize") int totalSize,
        @JsonProperty("Items") List<MigrationResultItem> items)
        implements RdsResponse {

    public DescribeCloudMigrationResultResponse {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public DescribeCloudMigrationResultResponse withoutPasswords() {
        return new DescribeCloudMigrationResultResponse(
                requestId,
                pageNumber,
                pageSize,
                totalSize,
                items.stream().map(MigrationResultItem::withoutPassword).toList());
    }
}
