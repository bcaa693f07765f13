package com.rdsmigration.gateway.cloudmigration;

import com.rdsmigration.gateway.system.FieldLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Migrate a self-managed PostgreSQL into an RDS PostgreSQL instance; a passed precheck of that source must exist. */
record CreateMigrationRequest(
        @Schema(description = "The RDS PostgreSQL instance to migrate into.", example = "pgm-bp102g323jd4xxxx")
        @NotBlank
        @Size(max = FieldLimits.INSTANCE_ID)
        @Pattern(regexp = TaskNames.PG_INSTANCE_ID, message = TaskNames.PG_INSTANCE_ID_MESSAGE)
        @Nullable
        String targetInstanceId,

        @NotNull @Valid @Nullable MigrationSource source,

        @Schema(description = "Your name for the task; the gateway makes one when absent.", example = "orders-db")
        @Size(max = FieldLimits.TASK_NAME)
        @Pattern(regexp = TaskNames.PATTERN, message = TaskNames.MESSAGE)
        @Nullable
        String taskName,

        @Schema(description = "The passed precheck this migration relies on (optional; checked when given).") @Nullable
        UUID precheckId) {}
