package com.rdsmigration.gateway.imports;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Copy databases from one SQL Server instance into another.
 *
 * @param sourceInstanceId the instance the databases come from
 * @param targetInstanceId the instance they go to
 * @param databases the names to copy: an array (same name on both sides) or an object mapping source to target name
 */
@DifferentInstances
record CreateImportRequest(
        @Schema(example = "rm-uf6wjk5xxxxxxx", description = "RDS SQL Server instance the databases come from.")
        @NotBlank
        @Pattern(regexp = INSTANCE_ID, message = INSTANCE_ID_MESSAGE)
        @Nullable
        String sourceInstanceId,

        @Schema(example = "rm-g4a1jk8xxxxxxx", description = "RDS SQL Server instance the databases go to.")
        @NotBlank
        @Pattern(regexp = INSTANCE_ID, message = INSTANCE_ID_MESSAGE)
        @Nullable
        String targetInstanceId,

        @Schema(
                description = "Databases to copy: [\"sales\"] keeps the name, {\"sales\":\"sales_copy\"} renames it.",
                example = "{\"sales\": \"sales\", \"crm\": \"crm_2024\"}",
                oneOf = {String[].class, Object.class})
        @NotNull
        @DatabaseMapping
        @Nullable
        JsonNode databases) {

    static final String INSTANCE_ID = "rm-[a-z0-9][a-z0-9-]{2,60}";
    static final String INSTANCE_ID_MESSAGE = "must be an RDS SQL Server instance id such as rm-uf6wjk5xxxxxxx";
}
