package com.rdsmigration.gateway.guided;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Guided migrations per status ({@code gateway.guided.migrations}, as counted by the replica driving them at its last
 * round) and the time cutovers spent held, per blocker ({@code gateway.guided.cutover.blocked}, seconds: the time
 * between two rounds that found the blocker is added to it).
 */
@Component
class GuidedMetrics {

    /** A gap between two rounds longer than this (a replica took over) is not counted as held time. */
    private static final Duration MAX_GAP = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(GuidedMetrics.class);

    private final GuidedMigrationStore store;
    private final Map<GuidedStatus, AtomicLong> counts = new EnumMap<>(GuidedStatus.class);
    private final Map<Blocker.Code, Counter> blocked = new EnumMap<>(Blocker.Code.class);
    private final Map<UUID, Instant> lastRound = new ConcurrentHashMap<>();

    GuidedMetrics(GuidedMigrationStore store, MeterRegistry registry) {
        this.store = store;
        for (GuidedStatus status : GuidedStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("gateway.guided.migrations", count, AtomicLong::get)
                    .description("Guided migrations per status")
                    .tag("status", status.name())
                    .register(registry);
        }
        for (Blocker.Code code : Blocker.Code.values()) {
            blocked.put(
                    code,
                    Counter.builder("gateway.guided.cutover.blocked")
                            .description("Time cutovers awaited with this blocker")
                            .baseUnit("seconds")
                            .tag("blocker", code.name())
                            .register(registry));
        }
    }

    /** Counts the guided migrations per status again. */
    void refresh() {
        try {
            Map<GuidedStatus, Long> now = store.countByStatus();
            counts.forEach((status, count) -> count.set(now.getOrDefault(status, 0L)));
        } catch (RuntimeException e) {
            log.debug("Cannot count guided migrations now: {}", e.getMessage());
        }
    }

    /** The blockers of {@code id} at {@code now}: each is charged the time since its previous round. */
    void blocked(UUID id, List<Blocker> blockers, Instant now) {
        Instant previous = blockers.isEmpty() ? lastRound.remove(id) : lastRound.put(id, now);
        if (previous == null || blockers.isEmpty()) {
            return;
        }
        Duration held = Duration.between(previous, now);
        if (held.isNegative() || held.compareTo(MAX_GAP) > 0) {
            return;
        }
        double seconds = held.toNanos() / 1e9;
        blockers.forEach(blocker -> blocked.get(blocker.code()).increment(seconds));
    }
}
