package com.rdsmigration.gateway.cloudmigration;

import com.rdsmigration.gateway.intent.IntentSteps;
import com.rdsmigration.gateway.rds.CallWrites;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The steps of one precheck's or migration's create under the {@link com.rdsmigration.gateway.intent.IntentProtocol}.
 * The task name is the gateway's and unique on the instance, so a create whose answer was lost is looked up by it: when
 * the upstream lists it the task is recorded as accepted, else it stays UNKNOWN for the reconciler.
 */
record CloudMigrationCreation(CloudMigrationStore store, CloudMigrationUpstream upstream, NewTask task)
        implements IntentSteps<CloudMigrationTask, CloudMigrationUpstream.Created, CloudMigrationTask> {

    @Override
    public String kind() {
        return task.kind().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public CloudMigrationTask recordIntent() {
        return store.recordIntent(task);
    }

    @Override
    public UUID id(CloudMigrationTask intent) {
        return intent.getId();
    }

    @Override
    public CloudMigrationUpstream.Created send(CallWrites<CloudMigrationUpstream.Created> writes) {
        return upstream.create(task.kind(), task.target(), task.source(), task.taskName(), writes);
    }

    @Override
    public String upstreamIds(CloudMigrationUpstream.Created answer) {
        return "TaskId " + answer.taskId() + ", RequestId " + answer.requestId();
    }

    @Override
    public CloudMigrationTask accepted(CloudMigrationTask intent, CloudMigrationUpstream.Created answer) {
        return store.accepted(intent.getId(), answer.taskId(), answer.requestId());
    }

    @Override
    public void forget(CloudMigrationTask intent) {
        store.forget(intent.getId());
    }

    @Override
    public void keepUnknown(CloudMigrationTask intent) {
        store.outcomeUnknown(intent.getId());
    }

    @Override
    public boolean canLookUp() {
        return true;
    }

    /** Never sent blindly again: the upstream is asked for the intent's task name instead. */
    @Override
    public Optional<CloudMigrationTask> lookUp(CloudMigrationTask intent) {
        return upstream.findTaskId(intent).map(taskId -> store.accepted(intent.getId(), taskId, null));
    }
}
