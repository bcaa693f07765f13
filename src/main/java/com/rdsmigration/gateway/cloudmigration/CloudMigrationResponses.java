package com.rdsmigration.gateway.cloudmigration;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns stored tasks into the API's precheck and migration shapes. */
@Component
class CloudMigrationResponses {

    private final JsonMapper json;

    CloudMigrationResponses(JsonMapper json) {
        this.json = json;
    }

    PrecheckResponse precheck(CloudMigrationTask task) {
        PrecheckReport report = PrecheckReport.parse(task.getDetail());
        return new PrecheckResponse(
                task.getId(),
                task.getTeam(),
                task.getTargetInstanceId(),
                SourceView.of(task.getSource()),
                task.getTaskId(),
                task.getTaskName(),
                task.getRequestId(),
                PrecheckStatus.of(task.getStatus()),
                task.getDetail(),
                report.checks(),
                task.getSyncedAt(),
                task.getCreatedAt(),
                task.getUpdatedAt());
    }

    MigrationResponse migration(CloudMigrationTask task) {
        return new MigrationResponse(
                task.getId(),
                task.getTeam(),
                task.getTargetInstanceId(),
                SourceView.of(task.getSource()),
                task.getTaskId(),
                task.getTaskName(),
                task.getRequestId(),
                task.getPrecheckId(),
                MigrationStatus.of(task.getStatus()),
                task.getStage(),
                task.getReplicationState(),
                parse(task.getReplicationInfo()),
                MigrationHealth.of(task.getStatus(), task.getReplicationState()),
                task.getSwitchTime(),
                task.getStageHistory().stream()
                        .map(visit -> new MigrationResponse.StageEntry(visit.getStage(), visit.getFirstSeenAt()))
                        .toList(),
                task.getSyncedAt(),
                task.getCreatedAt(),
                task.getUpdatedAt());
    }

    /**
     * ReplicationInfo is a JSON object inside a string. Anything else (text that is not JSON, or JSON that is not an
     * object) is passed on as {@code {"text": ...}}, so that the field is always an object or null: one type that a
     * generated client can read (a union of an object and a string defeats openapi-generator's Java templates).
     */
    @Nullable
    JsonNode parse(@Nullable String replicationInfo) {
        if (replicationInfo == null || replicationInfo.isBlank()) {
            return null;
        }
        try {
            JsonNode parsed = json.readTree(replicationInfo);
            if (parsed.isObject()) {
                return parsed;
            }
        } catch (JacksonException e) {
            // not JSON: passed on as text below
        }
        return json.createObjectNode().put("text", replicationInfo);
    }
}
