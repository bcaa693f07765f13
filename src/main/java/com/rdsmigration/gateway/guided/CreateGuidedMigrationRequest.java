package com.rdsmigration.gateway.guided;

import com.rdsmigration.gateway.cloudmigration.MigrationSource;
import com.rdsmigration.gateway.cloudmigration.TaskNames;
import com.rdsmigration.gateway.web.FieldLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Migrate a self-managed PostgreSQL into an RDS PostgreSQL instance, with a governed cutover. */
record CreateGuidedMigrationRequest(
        @Schema(description = "The RDS PostgreSQL instance to migrate into.", example = "pgm-bp102g323jd4xxxx")
        @NotBlank
        @Size(max = FieldLimits.INSTANCE_ID)
        @Pattern(regexp = TaskNames.PG_INSTANCE_ID, message = TaskNames.PG_INSTANCE_ID_MESSAGE)
        @Nullable
        String targetInstanceId,

        @NotNull @Valid @Nullable MigrationSource source,

        @Schema(
                description = "Your name for the precheck and the migration; the gateway makes one when absent.",
                example = "orders-db")
        @Size(max = FieldLimits.TASK_NAME)
        @Pattern(regexp = TaskNames.PATTERN, message = TaskNames.MESSAGE)
        @Nullable
        String taskName,

        @Schema(description = "The gates of the cutover; one approval, no window and no lag when absent.")
        @Valid
        @Nullable
        CutoverRequest cutover) {}
