package com.rdsmigration.gateway.imports;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Turns stored import tasks into the API's import shape. */
@Component
class ImportResponses {

    private final JsonMapper json;

    ImportResponses(JsonMapper json) {
        this.json = json;
    }

    ImportResponse of(ImportTask task) {
        return new ImportResponse(
                task.getId(),
                task.getTeam(),
                task.getSourceInstanceId(),
                task.getTargetInstanceId(),
                json.readValue(task.getDatabases(), new TypeReference<>() {}),
                task.getImportId(),
                task.getRequestId(),
                task.getStatus(),
                ImportResponse.UPSTREAM_ACTION,
                task.getCreatedAt(),
                task.getUpdatedAt());
    }
}
