package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.wire.ActivateMigrationTargetInstanceResponse;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationTaskResponse;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationResultResponse;
import com.rdsmigration.gateway.rds.wire.MigrationResultItem;
import com.rdsmigration.gateway.rds.wire.RdsParameters;
import java.util.List;
import java.util.Set;

/**
 * CreateCloudMigrationTask, DescribeCloudMigrationResult and ActivateMigrationTargetInstance
 * (docs/rds-openapi-notes.md, "The actions"), on PostgreSQL instances. A migration needs a passed precheck of the same
 * source on the instance; a switchover needs the instance's migration in stage {@code increment}.
 */
final class MigrationActions {

    private static final Set<String> SWITCH_FLAGS = Set.of("0", "1");

    private final InstanceDirectory instances;
    private final PrecheckRegistry prechecks;
    private final MigrationRegistry migrations;
    private final StageClock clock;

    MigrationActions(
            InstanceDirectory instances, PrecheckRegistry prechecks, MigrationRegistry migrations, StageClock clock) {
        this.instances = instances;
        this.prechecks = prechecks;
        this.migrations = migrations;
        this.clock = clock;
    }

    CreateCloudMigrationTaskResponse create(ActionCall call) {
        String instance = call.required(RdsParameters.DB_INSTANCE_NAME);
        MigrationSource source = MigrationSource.from(call);
        String taskName = call.optional(RdsParameters.TASK_NAME);
        instances.require(instance, Engine.POSTGRESQL, true);
        PrecheckRegistry.PrecheckTask precheck =
                prechecks.requirePassed(instance, source.ipAddress(), source.port(), call.now());
        MigrationRegistry.MigrationTask task =
                migrations.create(instance, source, taskName, precheck.report(), call.now());
        return new CreateCloudMigrationTaskResponse(instance, task.taskId(), task.taskName(), call.requestId());
    }

    DescribeCloudMigrationResultResponse describe(ActionCall call) {
        DescribeQuery query = DescribeQuery.from(call);
        instances.require(query.instanceName(), Engine.POSTGRESQL, false);
        List<MigrationRegistry.MigrationTask> matching = migrations.of(query.instanceName()).stream()
                .filter(task -> query.matches(task.taskId(), task.taskName(), task.source()))
                .toList();
        ReplicationOverride replication = instances.replication(query.instanceName());
        List<MigrationResultItem> items = query.page(matching).stream()
                .map(task -> MigrationItems.of(task, task.progress(call.now(), clock), replication, call.now()))
                .toList();
        return new DescribeCloudMigrationResultResponse(
                call.requestId(), query.pageNumber(), query.pageSize(), matching.size(), items);
    }

    ActivateMigrationTargetInstanceResponse activate(ActionCall call) {
        String instance = call.required(RdsParameters.DB_INSTANCE_NAME);
        flag(call, RdsParameters.SWITCH_TIME_MODE);
        flag(call, RdsParameters.FORCE_SWITCH);
        instances.require(instance, Engine.POSTGRESQL, true);
        MigrationRegistry.MigrationTask task = migrations.activate(instance, call.now());
        return new ActivateMigrationTargetInstanceResponse(
                instance,
                task.switchTaskId() == null ? 0 : task.switchTaskId(),
                task.source().ipAddress(),
                task.source().port(),
                call.requestId());
    }

    private static void flag(ActionCall call, String name) {
        String value = call.optional(name);
        if (value != null && !SWITCH_FLAGS.contains(value)) {
            throw RdsError.invalidParameter(name, "It must be 0 or 1.");
        }
    }
}
