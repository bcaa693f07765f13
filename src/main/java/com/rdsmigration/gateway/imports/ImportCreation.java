package com.rdsmigration.gateway.imports;

import com.rdsmigration.gateway.intent.IntentSteps;
import com.rdsmigration.gateway.rds.CallWrites;
import com.rdsmigration.gateway.rds.RdsClient;
import com.rdsmigration.gateway.rds.wire.ImportDatabaseBetweenInstancesRequest;
import com.rdsmigration.gateway.rds.wire.ImportDatabaseBetweenInstancesResponse;
import java.util.UUID;

/**
 * The steps of one import's create under the {@link com.rdsmigration.gateway.intent.IntentProtocol}. No upstream action
 * lists imports, so a lost answer cannot be looked up: the import stays UNKNOWN until an operator settles it.
 */
record ImportCreation(
        ImportStore store,
        RdsClient rds,
        String team,
        String source,
        String target,
        String databasesJson,
        String dbInfo)
        implements IntentSteps<ImportTask, ImportDatabaseBetweenInstancesResponse, ImportTask> {

    @Override
    public String kind() {
        return "import";
    }

    @Override
    public ImportTask recordIntent() {
        return store.recordIntent(team, source, target, databasesJson);
    }

    @Override
    public UUID id(ImportTask intent) {
        return intent.getId();
    }

    @Override
    public ImportDatabaseBetweenInstancesResponse send(CallWrites<ImportDatabaseBetweenInstancesResponse> writes) {
        return rds.importDatabaseBetweenInstances(
                new ImportDatabaseBetweenInstancesRequest(target, source, dbInfo), writes);
    }

    @Override
    public String upstreamIds(ImportDatabaseBetweenInstancesResponse answer) {
        return "ImportId " + answer.importId() + ", RequestId " + answer.requestId();
    }

    @Override
    public ImportTask accepted(ImportTask intent, ImportDatabaseBetweenInstancesResponse answer) {
        return store.accepted(intent, answer.importId(), answer.requestId());
    }

    @Override
    public void forget(ImportTask intent) {
        store.forget(intent.getId());
    }

    @Override
    public void keepUnknown(ImportTask intent) {
        store.moveTo(intent.getId(), ImportStatus.UNKNOWN);
    }
}
