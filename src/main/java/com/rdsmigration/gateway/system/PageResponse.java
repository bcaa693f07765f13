package com.rdsmigration.gateway.system;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a list: the items, the page number (from 0), the page size and the total number of items. */
public record PageResponse<T>(
        @Size(max = ListParams.MAX_SIZE) List<T> items,

        @Schema(description = "The page number, from 0.") @Min(0) @Max(ListParams.MAX_PAGE)
        int page,

        @Schema(description = "The page size asked for.") @Min(1) @Max(ListParams.MAX_SIZE)
        int size,

        @Schema(description = "How many items all pages hold.") @Min(0) @Max(Long.MAX_VALUE)
        long totalItems) {

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(
                page.getContent().stream().map(mapper).toList(),
                page.getNumber(),
                page.getSize(),
                page.getTotalElements());
    }
}
