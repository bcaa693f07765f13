package com.rdsmigration.gateway.ownership;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How instance ownership is learned ({@code gateway.ownership.*}).
 *
 * @param resourceGroupTtl how long an instance's resource group, once read upstream, is trusted: a move to another
 *     group takes effect at most this late
 * @param maxCachedInstances how many instances' groups are kept; past it the expired go first, then the oldest
 * @param retryAfter the {@code Retry-After} of a call refused because the group could not be read
 */
@Validated
@ConfigurationProperties("gateway.ownership")
record OwnershipProperties(
        @DefaultValue("5m") Duration resourceGroupTtl,
        @Positive @DefaultValue("10000") int maxCachedInstances,
        @DefaultValue("10s") Duration retryAfter) {}
