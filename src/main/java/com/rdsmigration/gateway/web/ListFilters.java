package com.rdsmigration.gateway.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * Builds the filters of a task list: its team (unless the caller sees all teams), creation range and any
 * further conditions, newest first. Entities name these attributes {@code team} and {@code createdAt}.
 */
public final class ListFilters<T> {

    private final List<Specification<T>> filters = new ArrayList<>();

    private ListFilters() {}

    /** Tasks of {@code team}, or of every team when it is {@code null}. */
    public static <T> ListFilters<T> ownedBy(@Nullable String team, ListParams params) {
        ListFilters<T> list = new ListFilters<>();
        list.equal("team", team);
        if (params.from() != null) {
            list.filters.add((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("createdAt"), params.from()));
        }
        if (params.to() != null) {
            list.filters.add((root, query, cb) -> cb.lessThan(root.get("createdAt"), params.to()));
        }
        return list;
    }

    /** Adds {@code attribute = value} unless the value is {@code null}. */
    public ListFilters<T> equal(String attribute, @Nullable Object value) {
        if (value != null) {
            filters.add((root, query, cb) -> cb.equal(root.get(attribute), value));
        }
        return this;
    }

    /** Adds a condition that any one of the attributes equals the value, unless it is {@code null}. */
    public ListFilters<T> equalAny(@Nullable Object value, String... attributes) {
        if (value != null) {
            filters.add((root, query, cb) -> cb.or(java.util.Arrays.stream(attributes)
                    .map(attribute -> cb.equal(root.get(attribute), value))
                    .toArray(jakarta.persistence.criteria.Predicate[]::new)));
        }
        return this;
    }

    public Specification<T> specification() {
        return Specification.allOf(filters);
    }

    public static Pageable newestFirst(ListParams params) {
        return PageRequest.of(params.pageNumber(), params.pageSize(), Sort.by(Sort.Direction.DESC, "createdAt"));
    }
}
