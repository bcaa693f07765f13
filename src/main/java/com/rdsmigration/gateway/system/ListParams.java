package com.rdsmigration.gateway.system;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters every task list takes: a page (from 0) of 1..200 items (default 20), and the optional filters
 * {@code instance}, {@code from} and {@code to} (creation time, ISO-8601, {@code to} exclusive).
 */
public record ListParams(
        @Parameter(description = "Page number, from 0.") @Min(0) @Max(MAX_PAGE) @Nullable
        Integer page,

        @Parameter(description = "Items per page, 1..200 (default 20).") @Min(1) @Max(MAX_SIZE) @Nullable
        Integer size,

        @Parameter(description = "Only tasks on this instance.") @Size(max = MAX_ID_LENGTH) @Nullable
        String instance,

        @Parameter(description = "Only tasks created at or after this time (ISO-8601).") @SupportedInstant @Nullable
        Instant from,

        @Parameter(description = "Only tasks created before this time (ISO-8601).") @SupportedInstant @Nullable
        Instant to) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = 100_000;

    /** The longest id or name a filter takes; upstream ids are far shorter, so a longer one is refused with 400. */
    public static final int MAX_ID_LENGTH = 128;

    public int pageNumber() {
        return page == null ? 0 : page;
    }

    public int pageSize() {
        return size == null ? DEFAULT_SIZE : size;
    }
}
