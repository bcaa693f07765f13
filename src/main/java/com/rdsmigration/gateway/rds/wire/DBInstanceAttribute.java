package com.rdsmigration.gateway.rds.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One instance of DescribeDBInstanceAttribute, with the names of Alibaba's SDK model
 * ({@code DescribeDBInstanceAttributeResponseBodyItemsDBInstanceAttribute}); the fields a gateway may need, the
 * others ignored. {@code ResourceGroupId} names the resource group the instance belongs to; {@code Port} is a string
 * on the wire; {@code DBInstanceMemory} is in MB and {@code DBInstanceStorage} in GB.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DBInstanceAttribute(
        @JsonProperty("DBInstanceId") String dbInstanceId,
        @JsonProperty("Engine") @Nullable String engine,
        @JsonProperty("EngineVersion") @Nullable String engineVersion,
        @JsonProperty("DBInstanceStatus") @Nullable String dbInstanceStatus,
        @JsonProperty("ResourceGroupId") @Nullable String resourceGroupId,
        @JsonProperty("RegionId") @Nullable String regionId,
        @JsonProperty("ZoneId") @Nullable String zoneId,
        @JsonProperty("DBInstanceType") @Nullable String dbInstanceType,
        @JsonProperty("LockMode") @Nullable String lockMode,
        @JsonProperty("LockReason") @Nullable String lockReason,
        @JsonProperty("DBInstanceClass") @Nullable String dbInstanceClass,
        @JsonProperty("DBInstanceCPU") @Nullable String dbInstanceCpu,
        @JsonProperty("DBInstanceMemory") @Nullable Long dbInstanceMemory,
        @JsonProperty("DBInstanceStorage") @Nullable Integer dbInstanceStorage,
        @JsonProperty("DBInstanceStorageType") @Nullable String dbInstanceStorageType,
        @JsonProperty("Category") @Nullable String category,
        @JsonProperty("PayType") @Nullable String payType,
        @JsonProperty("ConnectionString") @Nullable String connectionString,
        @JsonProperty("Port") @Nullable String port,
        @JsonProperty("DBInstanceNetType") @Nullable String dbInstanceNetType,
        @JsonProperty("InstanceNetworkType") @Nullable String instanceNetworkType,
        @JsonProperty("MaxConnections") @Nullable Integer maxConnections,
        @JsonProperty("MaxIOPS") @Nullable Integer maxIops,
        @JsonProperty("CreationTime") @Nullable String creationTime,
        @JsonProperty("ExpireTime") @Nullable String expireTime,
        @JsonProperty("MaintainTime") @Nullable String maintainTime,
        @JsonProperty("DBInstanceDescription") @Nullable String dbInstanceDescription) {}
