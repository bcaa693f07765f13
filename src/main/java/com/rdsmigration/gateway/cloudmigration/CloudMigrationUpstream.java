package com.rdsmigration.gateway.cloudmigration;

import com.rdsmigration.gateway.rds.CallWrites;
import com.rdsmigration.gateway.rds.RdsClient;
import com.rdsmigration.gateway.rds.wire.ActivateMigrationTargetInstanceRequest;
import com.rdsmigration.gateway.rds.wire.CloudMigrationSource;
import com.rdsmigration.gateway.rds.wire.CloudMigrationTaskFilter;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationPrecheckTaskRequest;
import com.rdsmigration.gateway.rds.wire.CreateCloudMigrationTaskRequest;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationPrecheckResultRequest;
import com.rdsmigration.gateway.rds.wire.DescribeCloudMigrationResultRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The five cloud-migration actions, in the terms of this module: tasks in, upstream ids and states out. */
@Component
public class CloudMigrationUpstream {

    private final RdsClient rds;

    CloudMigrationUpstream(RdsClient rds) {
        this.rds = rds;
    }

    /** Creates a precheck or a migration, with the caller's {@code writes} in the call's own transactions. */
    Created create(TaskKind kind, String target, MigrationSource source, String taskName, CallWrites<Created> writes) {
        CloudMigrationSource wire = new CloudMigrationSource(
                source.host(), source.port(), source.account(), source.password(), source.category());
        if (kind == TaskKind.PRECHECK) {
            var answer = rds.createCloudMigrationPrecheckTask(
                    new CreateCloudMigrationPrecheckTaskRequest(target, wire, taskName),
                    created(writes, precheck -> new Created(precheck.taskId(), precheck.requestId())));
            return new Created(answer.taskId(), answer.requestId());
        }
        var answer = rds.createCloudMigrationTask(
                new CreateCloudMigrationTaskRequest(target, wire, taskName),
                created(writes, migration -> new Created(migration.taskId(), migration.requestId())));
        return new Created(answer.taskId(), answer.requestId());
    }

    /** The caller's writes, told the upstream's answer in this module's terms. */
    private static <W> CallWrites<W> created(CallWrites<Created> writes, Function<W, Created> created) {
        return new CallWrites<>() {
            @Override
            public void beforeFirstAttempt() {
                writes.beforeFirstAttempt();
            }

            @Override
            public void answered(W answer) {
                writes.answered(created.apply(answer));
            }
        };
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

    /** The tasks of one kind on an instance that {@code filter} selects: one Describe call, one page. */
    public Listing list(TaskKind kind, CloudMigrationTaskFilter filter) {
        if (kind == TaskKind.PRECHECK) {
            var answer =
                    rds.describeCloudMigrationPrecheckResult(new DescribeCloudMigrationPrecheckResultRequest(filter));
            return new Listing(
                    answer.items().stream()
                            .map(item -> new Listed(item.taskId(), UpstreamState.of(item)))
                            .toList(),
                    answer.totalSize());
        }
        var answer = rds.describeCloudMigrationResult(new DescribeCloudMigrationResultRequest(filter));
        return new Listing(
                answer.items().stream()
                        .map(item -> new Listed(item.taskId(), UpstreamState.of(item)))
                        .toList(),
                answer.totalSize());
    }

    /**
     * The upstream's id of the task an intent created, looked up by the intent's TaskName on its target instance. A
     * task of that name whose source differs (one made elsewhere, under a name a team chose) is not the intent's.
     */
    Optional<Long> findTaskId(CloudMigrationTask intent) {
        CloudMigrationTaskFilter filter =
                CloudMigrationTaskFilter.byTaskName(intent.getTargetInstanceId(), intent.getTaskName());
        MigrationSource source = intent.getSource();
        if (intent.getKind() == TaskKind.PRECHECK) {
            return rds
                    .describeCloudMigrationPrecheckResult(new DescribeCloudMigrationPrecheckResultRequest(filter))
                    .items()
                    .stream()
                    .filter(item -> intent.getTaskName().equals(item.taskName())
                            && sameSource(source, item.sourceIpAddress(), item.sourcePort()))
                    .map(item -> item.taskId())
                    .findFirst();
        }
        return rds.describeCloudMigrationResult(new DescribeCloudMigrationResultRequest(filter)).items().stream()
                .filter(item -> intent.getTaskName().equals(item.taskName())
                        && sameSource(source, item.sourceIpAddress(), item.sourcePort()))
                .map(item -> item.taskId())
                .findFirst();
    }

    /** Whether the upstream's source fields, where it answers them, are the intent's. */
    private static boolean sameSource(MigrationSource source, @Nullable String ip, @Nullable Long port) {
        return (ip == null || ip.equalsIgnoreCase(source.host()))
                && (port == null
                        || source.port() == null
                        || port.longValue() == source.port().longValue());
    }

    long activate(String target) {
        return rds.activateMigrationTargetInstance(ActivateMigrationTargetInstanceRequest.immediate(target))
                .taskId();
    }

    /** One page of a Describe call: its tasks and how many match in all. */
    public record Listing(List<Listed> tasks, long totalSize) {}

    /** A task of a Describe answer. */
    public record Listed(long taskId, UpstreamState state) {}

    /** What a create call answered. */
    record Created(long taskId, String requestId) {}
}
