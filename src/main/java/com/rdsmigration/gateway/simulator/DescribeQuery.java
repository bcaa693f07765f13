package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.wire.RdsParameters;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parameters both cloud-migration Describe actions take: the instance, a page ({@code PageNumber} from 1,
 * default 1; {@code PageSize} 1..100, default 30) and optional filters on task id, task name and source address.
 */
record DescribeQuery(
        String instanceName,
        long pageNumber,
        long pageSize,
        @Nullable Long taskId,
        @Nullable String taskName,
        @Nullable String sourceIpAddress,
        @Nullable Long sourcePort) {

    static final long DEFAULT_PAGE_SIZE = 30;
    static final long MAX_PAGE_SIZE = 100;

    static DescribeQuery from(ActionCall call) {
        return new DescribeQuery(
                call.required(RdsParameters.DB_INSTANCE_NAME),
                call.longOrDefault(RdsParameters.PAGE_NUMBER, 1, 1, Integer.MAX_VALUE),
                call.longOrDefault(RdsParameters.PAGE_SIZE, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
                call.optionalLong(RdsParameters.TASK_ID, 0, Long.MAX_VALUE),
                call.optional(RdsParameters.TASK_NAME),
                call.optional(RdsParameters.SOURCE_IP_ADDRESS),
                call.optionalLong(RdsParameters.SOURCE_PORT, 1, 65_535));
    }

    boolean matches(long candidateTaskId, String candidateTaskName, MigrationSource source) {
        return (taskId == null || taskId == candidateTaskId)
                && (taskName == null || taskName.equals(candidateTaskName))
                && (sourceIpAddress == null || sourceIpAddress.equals(source.ipAddress()))
                && (sourcePort == null || sourcePort == source.port());
    }

    /** The requested page of {@code all}; empty past the end. */
    <T> List<T> page(List<T> all) {
        long from = (pageNumber - 1) * pageSize;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + pageSize));
    }
}
