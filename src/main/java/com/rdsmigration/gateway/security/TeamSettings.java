package com.rdsmigration.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything about one team ({@code gateway.teams.<team>}): what it owns upstream and how much of the shared account
 * it may use. A team owns an instance that {@code instances} lists (an exact id, or a prefix ending in {@code *}) or
 * that belongs to one of its {@code resourceGroups}; nothing else.
 *
 * @param instances exact instance ids and {@code prefix*} patterns the team owns
 * @param resourceGroups Alibaba Cloud resource group ids whose instances the team owns
 * @param rateLimit the team's own request rate on {@code /api/**}; unset parts keep {@code gateway.security.rate-limit}
 * @param monthlyRequests upstream calls a month the team may make (each call once, its retries with it); unset: no
 *     budget
 * @param dailyTaskShare the fraction (0 to 1) of the account's daily task limit the team may take; unset:
 *     {@code gateway.quota.default-daily-task-share}
 */
public record TeamSettings(
        @DefaultValue
        List<
                        @NotNull
                        @Pattern(
                                regexp = INSTANCE_PATTERN,
                                message = "must be an instance id, or an id prefix followed by * (such as rm-sales-*)")
                        String>
                instances,

        @DefaultValue
        List<
                        @NotNull
                        @Pattern(regexp = RESOURCE_GROUP, message = "must be a resource group id (such as rg-acfm2abc)")
                        String>
                resourceGroups,

        @Valid @DefaultValue RateLimit rateLimit,
        @Nullable @Positive Long monthlyRequests,
        @Nullable @DecimalMin("0") @DecimalMax("1") Double dailyTaskShare) {

    /** An id, or a non-empty prefix and {@code *}: a bare {@code *} would be every instance, which is an admin's. */
    static final String INSTANCE_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\\*?";

    static final String RESOURCE_GROUP = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    public TeamSettings {
        instances = List.copyOf(instances);
        resourceGroups = List.copyOf(resourceGroups);
    }

    /** Whether {@code instances} names the instance, exactly or by a prefix pattern. */
    public boolean listsInstance(String instanceId) {
        for (String entry : instances) {
            boolean matches = entry.endsWith("*")
                    ? instanceId.startsWith(entry.substring(0, entry.length() - 1))
                    : instanceId.equals(entry);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /**
     * A team's request rate; {@code requestsPerSecond: 0} exempts it.
     *
     * @param requestsPerSecond the sustained rate; unset: the default of {@code gateway.security.rate-limit}
     * @param burst how many requests at once after a quiet spell; unset: the default
     */
    public record RateLimit(
            @Nullable @PositiveOrZero Double requestsPerSecond,
            @Nullable @Positive Integer burst) {}
}
