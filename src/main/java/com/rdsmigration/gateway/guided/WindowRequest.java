package com.rdsmigration.gateway.guided;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A weekly maintenance window: on each listed day from {@code start} to {@code end}, local time in {@code zone}. */
@Schema(name = "MaintenanceWindow")
record WindowRequest(
        @Schema(description = "An IANA time zone.", example = "Asia/Shanghai")
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = ZONE_PATTERN, message = "must be an IANA time zone such as Asia/Shanghai")
        @Nullable
        String zone,

        @ArraySchema(
                schema = @Schema(example = "MONDAY", enumAsRef = true),
                arraySchema = @Schema(description = "The days on which a window opens."),
                minItems = 1,
                maxItems = 7,
                uniqueItems = true)
        @NotEmpty
        @Size(max = 7)
        @Nullable
        List<@NotNull DayOfWeek> days,

        @Schema(description = "When the window opens, HH:mm local time.", example = "23:00")
        @NotBlank
        @Size(max = 5)
        @Pattern(regexp = TIME_PATTERN, message = "must be a time of day as HH:mm")
        @Nullable
        String start,

        @Schema(
                description = "When it closes, HH:mm local time; at or before `start`, it closes the next day.",
                example = "02:00")
        @NotBlank
        @Size(max = 5)
        @Pattern(regexp = TIME_PATTERN, message = "must be a time of day as HH:mm")
        @Nullable
        String end) {

    static final String ZONE_PATTERN = "^[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+){0,2}$";
    static final String TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
}
