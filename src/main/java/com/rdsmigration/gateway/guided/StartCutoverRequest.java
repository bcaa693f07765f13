package com.rdsmigration.gateway.guided;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Start the cutover now, outside the window. */
record StartCutoverRequest(
        @Schema(
                description = "Start even though the replication is not streaming or lags more than allowed.",
                defaultValue = "false")
        @Nullable
        Boolean acceptLag) {}
