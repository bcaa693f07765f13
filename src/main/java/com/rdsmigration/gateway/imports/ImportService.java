package com.rdsmigration.gateway.imports;

import com.rdsmigration.gateway.intent.IntentProtocol;
import com.rdsmigration.gateway.ownership.InstanceOwnership;
import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import com.rdsmigration.gateway.rds.NonTransientRdsException;
import com.rdsmigration.gateway.rds.RdsClient;
import com.rdsmigration.gateway.rds.wire.CancelImportRequest;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.rds.wire.RdsParameters;
import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.web.ListParams;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts and cancels imports. A create follows the {@link IntentProtocol} ({@link ImportCreation}): an intent the
 * upstream refused is dropped; one whose outcome was lost stays {@code UNKNOWN} for reconciliation.
 */
@Service
class ImportService {

    private static final Map<String, ImportStatus> ALREADY_ENDED = Map.of(
            "OperationDenied.ImportCompleted", ImportStatus.SUCCEEDED,
            "OperationDenied.ImportFailed", ImportStatus.FAILED,
            "OperationDenied.ImportCancelled", ImportStatus.CANCELLED);

    private final ImportStore store;
    private final RdsClient rds;
    private final IntentProtocol intents;
    private final InstanceOwnership ownership;
    private final JsonMapper json;

    ImportService(
            ImportStore store, RdsClient rds, IntentProtocol intents, InstanceOwnership ownership, JsonMapper json) {
        this.store = store;
        this.rds = rds;
        this.intents = intents;
        this.ownership = ownership;
        this.json = json;
    }

    ImportTask create(Caller caller, CreateImportRequest request) {
        ownership.requireOwned(
                caller,
                RdsActions.IMPORT_DATABASE_BETWEEN_INSTANCES,
                instances(request.sourceInstanceId(), request.targetInstanceId()));
        Map<String, String> databases = DatabaseNames.mapping(request.databases());
        return intents.create(new ImportCreation(
                store,
                rds,
                caller.team(),
                request.sourceInstanceId(),
                request.targetInstanceId(),
                json.writeValueAsString(databases),
                json.writeValueAsString(Map.of("DBNames", databases))));
    }

    ImportTask get(Caller caller, UUID id) {
        return store.get(id, caller);
    }

    ImportTask cancel(Caller caller, UUID id) {
        ImportTask task = store.get(id, caller);
        if (task.getStatus() != ImportStatus.RUNNING || task.getImportId() == null) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "The import is " + task.getStatus() + "; only a RUNNING import can be cancelled.");
        }
        // Again at cancel: a team whose instance was taken from it since the create no longer acts on it.
        ownership.requireOwned(
                caller, RdsActions.CANCEL_IMPORT, instances(task.getSourceInstanceId(), task.getTargetInstanceId()));
        try {
            rds.cancelImport(new CancelImportRequest(task.getTargetInstanceId(), task.getImportId()));
            return store.moveTo(id, ImportStatus.CANCELLED);
        } catch (NonTransientRdsException e) {
            ImportStatus ended = e.code() == null ? null : ALREADY_ENDED.get(e.code());
            if (ended == null) {
                throw e;
            }
            store.moveTo(id, ended);
            throw new ProblemException(ProblemType.CONFLICT, "The import had already ended: it is " + ended + ".")
                    .with("upstreamCode", e.code())
                    .with("upstreamRequestId", e.requestId());
        }
    }

    /** The instances an import names, by the upstream parameter that carries each. */
    private static Map<String, String> instances(String source, String target) {
        Map<String, String> instances = new LinkedHashMap<>();
        instances.put(RdsParameters.SOURCE_DB_INSTANCE_ID, source);
        instances.put(RdsParameters.DB_INSTANCE_ID, target);
        return instances;
    }

    Page<ImportTask> list(Caller caller, @Nullable ImportStatus status, ListParams params) {
        return store.list(caller, status, params);
    }
}
