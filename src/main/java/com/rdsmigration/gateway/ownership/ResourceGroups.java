package com.rdsmigration.gateway.ownership;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The resource group of each instance, read upstream once per {@code gateway.ownership.resource-group-ttl}: the first
 * request that names an instance reads it, every request that names it meanwhile waits for that one read, and later
 * ones take the answer until it expires. A failed read is not kept; the next request reads again. Kept in memory per
 * replica and bounded, since the ids come from callers.
 */
@Component
class ResourceGroups {

    private final ResourceGroupReader reader;
    private final OwnershipProperties properties;
    private final Clock clock;
    private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();

    ResourceGroups(ResourceGroupReader reader, OwnershipProperties properties, Clock clock) {
        this.reader = reader;
        this.properties = properties;
        this.clock = clock;
    }

    /** One read of an instance's group: under way, or done at {@code startedAt}. */
    private record Lookup(CompletableFuture<Optional<String>> group, Instant startedAt) {}

    /** The instance's group; empty when it does not exist; throws the upstream's failure when it cannot be read. */
    Optional<String> of(String instanceId) {
        Instant now = clock.instant();
        CompletableFuture<Optional<String>> mine = new CompletableFuture<>();
        Lookup lookup = lookups.compute(
                instanceId, (id, known) -> known != null && usable(known, now) ? known : new Lookup(mine, now));
        if (lookup.group() == mine) {
            evictIfFull(now);
            try {
                mine.complete(reader.read(instanceId));
            } catch (RuntimeException e) {
                lookups.remove(instanceId, lookup);
                mine.completeExceptionally(e);
            }
        }
        try {
            return lookup.group().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Under way (join it), or read successfully less than the TTL ago. */
    private boolean usable(Lookup lookup, Instant now) {
        if (!lookup.group().isDone()) {
            return true;
        }
        return !lookup.group().isCompletedExceptionally()
                && now.isBefore(lookup.startedAt().plus(properties.resourceGroupTtl()));
    }

    private void evictIfFull(Instant now) {
        if (lookups.size() <= properties.maxCachedInstances()) {
            return;
        }
        lookups.entrySet().removeIf(entry -> !usable(entry.getValue(), now));
        int excess = lookups.size() - properties.maxCachedInstances();
        if (excess > 0) {
            lookups.entrySet().stream()
                    .filter(entry -> entry.getValue().group().isDone())
                    .sorted(Comparator.comparing(entry -> entry.getValue().startedAt()))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(lookups::remove);
        }
    }
}
