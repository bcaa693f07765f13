package com.rdsmigration.gateway.cloudmigration;

import com.rdsmigration.gateway.rds.RdsClient;
import com.rdsmigration.gateway.rds.wire.ActivateMigrationTargetInstanceRequest;
import com.rdsmigration.gateway.rds.wire.CloudMigrationSource;
import com.rdsmigration.gateway.rds.wire.CloudMigrationTaskFilter;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationPrecheckTaskRequest;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationTaskRequest;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationPrecheckResultRequest;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationResultRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The five cloud-migration actions, in the terms of this module: tasks in, upstream ids and states out. */
@Component
class CloudMigrationUpstream {

    private final RdsClient rds;

    CloudMigrationUpstream(RdsClient rds) {
        this.rds = rds;
    }

    Created create(TaskKind kind, String target, MigrationSource source, String taskName) {
        CloudMigrationSource wire = new CloudMigrationSource(
                source.host(), source.port(), source.account(), source.password(), source.category());
        if (kind == TaskKind.PRECHECK) {
            var answer = rds.createCloudMigrationPrecheckTask(
                    new CreateCloudMigrationPrecheckTaskRequest(target, wire, taskName));
            return new Created(answer.taskId(), answer.requestId());
        }
        var answer = rds.createCloudMigrationTask(new CreateCloudMigrationTaskRequest(target, wire, taskName));
        return new Created(answer.taskId(), answer.requestId());
    }

    /** The task's current state upstream, if the upstream lists it. */
    Optional<UpstreamState> describe(CloudMigrationTask task) {
        CloudMigrationTaskFilter filter = task.getTaskId() != null
                ? CloudMigrationTaskFilter.byTaskId(task.getTargetInstanceId(), task.getTaskId())
                : CloudMigrationTaskFilter.byTaskName(task.getTargetInstanceId(), task.getTaskName());
        if (task.getKind() == TaskKind.PRECHECK) {
            return rds
                    .describeCloudMigrationPrecheckResult(new DescribeCloudMigrationPrecheckResultRequest(filter))
                    .items()
                    .stream()
                    .findFirst()
                    .map(UpstreamState::of);
        }
        return rds.describeCloudMigrationResult(new DescribeCloudMigrationResultRequest(filter)).items().stream()
                .findFirst()
                .map(UpstreamState::of);
    }

    /** The upstream id of the task with this name on the instance, if the upstream has one. */
    Optional<Long> findTaskId(TaskKind kind, String target, String taskName) {
        CloudMigrationTaskFilter filter = CloudMigrationTaskFilter.byTaskName(target, taskName);
        if (kind == TaskKind.PRECHECK) {
            return rds
                    .describeCloudMigrationPrecheckResult(new DescribeCloudMigrationPrecheckResultRequest(filter))
                    .items()
                    .stream()
                    .filter(item -> taskName.equals(item.taskName()))
                    .map(item -> item.taskId())
                    .findFirst();
        }
        return rds.describeCloudMigrationResult(new DescribeCloudMigrationResultRequest(filter)).items().stream()
                .filter(item -> taskName.equals(item.taskName()))
                .map(item -> item.taskId())
                .findFirst();
    }

    long activate(String target) {
        return rds.activateMigrationTargetInstance(ActivateMigrationTargetInstanceRequest.immediate(target))
                .taskId();
    }

    /** What a create call answered. */
    record Created(long taskId, String requestId) {}
}
