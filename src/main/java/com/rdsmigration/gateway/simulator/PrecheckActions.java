package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationPrecheckTaskResponse;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationPrecheckResultResponse;
import com.rdsmigration.gateway.rds.wire.PrecheckResultItem;
import com.rdsmigration.gateway.rds.wire.RdsParameters;
import java.time.Instant;
import java.util.List;

/**
 * CreateCloudMigrationPrecheckTask and DescribeCloudMigrationPrecheckResult (docs/rds-openapi-notes.md, "The actions"),
 * on PostgreSQL instances. The report ({@code Detail}) is empty until the precheck has run for one stage; then it is
 * complete. Like the real service, Describe echoes {@code SourcePassword}.
 */
final class PrecheckActions {

    private final InstanceDirectory instances;
    private final PrecheckRegistry prechecks;
    private final StageClock clock;

    PrecheckActions(InstanceDirectory instances, PrecheckRegistry prechecks, StageClock clock) {
        this.instances = instances;
        this.prechecks = prechecks;
        this.clock = clock;
    }

    CreateCloudMigrationPrecheckTaskResponse create(ActionCall call) {
        String instance = call.required(RdsParameters.DB_INSTANCE_NAME);
        MigrationSource source = MigrationSource.from(call);
        String taskName = call.optional(RdsParameters.TASK_NAME);
        instances.require(instance, Engine.POSTGRESQL, true);
        PrecheckRegistry.PrecheckTask task = prechecks.create(instance, source, taskName, call.now());
        return new CreateCloudMigrationPrecheckTaskResponse(instance, task.taskId(), task.taskName(), call.requestId());
    }

    DescribeCloudMigrationPrecheckResultResponse describe(ActionCall call) {
        DescribeQuery query = DescribeQuery.from(call);
        instances.require(query.instanceName(), Engine.POSTGRESQL, false);
        List<PrecheckRegistry.PrecheckTask> matching = prechecks.of(query.instanceName()).stream()
                .filter(task -> query.matches(task.taskId(), task.taskName(), task.source()))
                .toList();
        List<PrecheckResultItem> items = query.page(matching).stream()
                .map(task -> item(task, call.now()))
                .toList();
        return new DescribeCloudMigrationPrecheckResultResponse(
                call.requestId(), query.pageNumber(), query.pageSize(), matching.size(), items);
    }

    private PrecheckResultItem item(PrecheckRegistry.PrecheckTask task, Instant now) {
        boolean finished = task.finished(now, clock);
        MigrationSource source = task.source();
        return new PrecheckResultItem(
                task.taskId(),
                task.taskName(),
                task.instance(),
                source.ipAddress(),
                source.port(),
                source.account(),
                source.password(),
                source.category(),
                null,
                WireTimes.gmt(task.createdAt()),
                WireTimes.gmt(finished ? task.finishedAt(clock) : task.createdAt()),
                finished ? task.report() : "");
    }
}
