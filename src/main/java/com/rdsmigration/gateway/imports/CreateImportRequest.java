package com.rdsmigration.gateway.imports;

import com.rdsmigration.gateway.system.FieldLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
        @Size(max = FieldLimits.INSTANCE_ID)
        @Pattern(regexp = INSTANCE_ID, message = INSTANCE_ID_MESSAGE)
        @Nullable
        String sourceInstanceId,

        @Schema(example = "rm-g4a1jk8xxxxxxx", description = "RDS SQL Server instance the databases go to.")
        @NotBlank
        @Size(max = FieldLimits.INSTANCE_ID)
        @Pattern(regexp = INSTANCE_ID, message = INSTANCE_ID_MESSAGE)
        @Nullable
        String targetInstanceId,

        // Its schema, an exact choice between the two forms, is DatabasesSchema's.
        @Schema(
                description = "Databases to copy: [\"sales\"] keeps the name, {\"sales\":\"sales_copy\"} renames it.",
                types = {"array", "object"},
                implementation = Object.class)
        @NotNull
        @DatabaseMapping
        @Nullable
        JsonNode databases) {

    static final String INSTANCE_ID = "^rm-[a-z0-9][a-z0-9-]{2,60}$";
    static final String INSTANCE_ID_MESSAGE = "must be an RDS SQL Server instance id such as rm-uf6wjk5xxxxxxx";
}
