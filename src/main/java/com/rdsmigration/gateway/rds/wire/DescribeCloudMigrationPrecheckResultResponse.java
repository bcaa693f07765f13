package com.rdsmigration.gateway.rds.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Answer of DescribeCloudMigrationPrecheckResult; {@code Items} is a bare JSON array. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DescribeCloudMigrationPrecheckResultResponse(
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("PageNumber") long pageNumber,
        @JsonProperty("PageSize") long pageSize,
        @JsonProperty("TotalSize") int totalSize,
        @JsonProperty("Items") List<PrecheckResultItem> items)
        implements RdsResponse {

    public DescribeCloudMigrationPrecheckResultResponse {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public DescribeCloudMigrationPrecheckResultResponse withoutPasswords() {
        return new DescribeCloudMigrationPrecheckResultResponse(
                requestId,
                pageNumber,
                pageSize,
                totalSize,
                items.stream().map(PrecheckResultItem::withoutPassword).toList());
    }
}
