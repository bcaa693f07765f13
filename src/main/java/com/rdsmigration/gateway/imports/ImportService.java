package com.rdsmigration.gateway.imports;

import com.rdsmigration.gateway.ownership.InstanceOwnership;
import com.rdsmigration.gateway.rds.NonTransientRdsException;
import com.rdsmigration.gateway.rds.RdsClient;
import com.rdsmigration.gateway.rds.RdsException;
import com.rdsmigration.gateway.rds.TransientRdsException;
import com.rdsmigration.gateway.rds.wire.CancelImportRequest;
import com.rdsmigration.gateway.rds.wire.ImportDatabaseBetweenInstancesRequest;
import com.rdsmigration.gateway.rds.wire.ImportDatabaseBetweenInstancesResponse;
import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.rds.wire.RdsParameters;
import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.system.ListParams;
import com.rdsmigration.gateway.system.ProblemException;
import com.rdsmigration.gateway.system.ProblemType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts and cancels imports: records the intent, calls the upstream outside any transaction, records the outcome.
 * An intent the upstream refused is dropped; one whose outcome was lost stays {@code UNKNOWN} for reconciliation.
 */
@Service
class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private static final Map<String, ImportStatus> ALREADY_ENDED = Map.of(
            "OperationDenied.ImportCompleted", ImportStatus.SUCCEEDED,
            "OperationDenied.ImportFailed", ImportStatus.FAILED,
            "OperationDenied.ImportCancelled", ImportStatus.CANCELLED);

    private final ImportStore store;
    private final RdsClient rds;
    private final InstanceOwnership ownership;
    private final JsonMapper json;

    ImportService(ImportStore store, RdsClient rds, InstanceOwnership ownership, JsonMapper json) {
        this.store = store;
        this.rds = rds;
        this.ownership = ownership;
        this.json = json;
    }

    ImportResponse create(Caller caller, CreateImportRequest request) {
        ownership.requireOwned(
                caller,
                RdsActions.IMPORT_DATABASE_BETWEEN_INSTANCES,
                instances(request.sourceInstanceId(), request.targetInstanceId()));
        Map<String, String> databases = DatabaseNames.mapping(request.databases());
        ImportTask intent = store.recordIntent(
                caller.team(),
                request.sourceInstanceId(),
                request.targetInstanceId(),
                json.writeValueAsString(databases));
        String dbInfo = json.writeValueAsString(Map.of("DBNames", databases));
        ImportDatabaseBetweenInstancesResponse answer;
        try {
            answer = rds.importDatabaseBetweenInstances(new ImportDatabaseBetweenInstancesRequest(
                    request.targetInstanceId(), request.sourceInstanceId(), dbInfo));
        } catch (TransientRdsException e) {
            if (!e.outcomeUnknown()) {
                store.forget(intent.getId());
                throw e;
            }
            store.moveTo(intent.getId(), ImportStatus.UNKNOWN);
            throw ProblemException.outcomeUnknown("import", intent.getId()).with("upstreamCode", e.code());
        } catch (RdsException e) {
            store.forget(intent.getId());
            throw e;
        }
        try {
            return toResponse(store.accepted(intent, answer.importId(), answer.requestId()));
        } catch (DataAccessException e) {
            log.warn(
                    "Import {} was accepted upstream (ImportId {}, RequestId {}) but could not be recorded: {}",
                    intent.getId(),
                    answer.importId(),
                    answer.requestId(),
                    e.getClass().getSimpleName());
            throw ProblemException.outcomeUnknown("import", intent.getId());
        }
    }

    ImportResponse get(Caller caller, UUID id) {
        return toResponse(store.get(id, caller));
    }

    ImportResponse cancel(Caller caller, UUID id) {
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
            return toResponse(store.moveTo(id, ImportStatus.CANCELLED));
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

    ImportResponse toResponse(ImportTask task) {
        Map<String, String> databases = json.readValue(task.getDatabases(), new TypeReference<>() {});
        return new ImportResponse(
                task.getId(),
                task.getTeam(),
                task.getSourceInstanceId(),
                task.getTargetInstanceId(),
                databases,
                task.getImportId(),
                task.getRequestId(),
                task.getStatus(),
                ImportResponse.UPSTREAM_ACTION,
                task.getCreatedAt(),
                task.getUpdatedAt());
    }
}
