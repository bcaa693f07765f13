package com.rdsmigration.gateway.cloudmigration.tracking;

import com.rdsmigration.gateway.cloudmigration.MigrationHealth;
import com.rdsmigration.gateway.cloudmigration.MigrationStatus;
import com.rdsmigration.gateway.cloudmigration.TaskKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * What the tracker does and how the tracked tasks stand, for dashboards and alerts. The gauges are read from the
 * shared store (at most once a second), so every replica reports the same values; the counter counts this replica's
 * tracker calls, so their sum over replicas, as a rate, is the tracker's upstream reads per minute.
 *
 * <ul>
 *   <li>{@code gateway.tracking.tasks{kind,stage}}: active tasks per stage ({@code none} before the first read and for
 *       prechecks, which have none; {@code other} for a stage this gateway does not know)
 *   <li>{@code gateway.tracking.upstream.reads{kind}}: Describe calls the tracker sent
 *   <li>{@code gateway.tracking.stalest.age}: how long ago the least recently read active task was read
 *   <li>{@code gateway.tracking.replication.degraded}: running migrations whose replication is disconnected
 *   <li>{@code gateway.tracking.leader}: 1 on the replica that runs the tracker, else 0
 * </ul>
 */
@Component
class TrackingMetrics {

    static final List<String> STAGES = Stream.concat(MigrationStatus.STAGES.stream(), Stream.of("none", "other"))
            .toList();

    private static final Logger log = LoggerFactory.getLogger(TrackingMetrics.class);
    private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final TrackedTaskQuery tasks;
    private final Clock clock;
    private final Map<TaskKind, Counter> reads = new EnumMap<>(TaskKind.class);
    private List<TrackedTaskQuery.Group> active = List.of();
    private long readAt;
    private boolean everRead;

    TrackingMetrics(TrackedTaskQuery tasks, TrackerLock lock, MeterRegistry registry, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
        for (TaskKind kind : TaskKind.values()) {
            String tag = tag(kind);
            reads.put(
                    kind,
                    Counter.builder("gateway.tracking.upstream.reads")
                            .description("Describe calls the progress tracker sent upstream")
                            .tag("kind", tag)
                            .register(registry));
            for (String stage : kind == TaskKind.PRECHECK ? List.of("none") : STAGES) {
                Gauge.builder("gateway.tracking.tasks", this, metrics -> metrics.count(kind, stage))
                        .description("Active prechecks and migrations per stage")
                        .tags("kind", tag, "stage", stage)
                        .register(registry);
            }
        }
        TimeGauge.builder("gateway.tracking.stalest.age", this, TimeUnit.SECONDS, TrackingMetrics::stalestAgeSeconds)
                .description("How long ago the least recently read active task was read from upstream")
                .register(registry);
        Gauge.builder("gateway.tracking.replication.degraded", this, TrackingMetrics::degraded)
                .description("Running migrations whose replication is disconnected (health DEGRADED)")
                .register(registry);
        Gauge.builder("gateway.tracking.leader", lock, held -> held.held() ? 1 : 0)
                .description("1 on the replica that runs the progress tracker")
                .register(registry);
    }

    /** One Describe call of the tracker is about to be sent. */
    void read(TaskKind kind) {
        reads.get(kind).increment();
    }

    private double count(TaskKind kind, String stage) {
        return sum(group -> group.kind() == kind && stage.equals(stageTag(group)) ? group.tasks() : 0);
    }

    private double degraded() {
        return sum(group ->
                group.kind() == TaskKind.MIGRATION && MigrationHealth.DISCONNECTED.equals(group.replicationState())
                        ? group.tasks()
                        : 0);
    }

    private double stalestAgeSeconds() {
        Instant now = clock.instant();
        return groups().stream()
                .map(TrackedTaskQuery.Group::oldestRead)
                .min(Instant::compareTo)
                .map(oldest -> Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0))
                .orElse(0.0);
    }

    private double sum(ToDoubleFunction<TrackedTaskQuery.Group> value) {
        return groups().stream().mapToDouble(value).sum();
    }

    private synchronized List<TrackedTaskQuery.Group> groups() {
        long now = System.nanoTime();
        if (!everRead || now - readAt >= REFRESH_NANOS) {
            try {
                active = tasks.active();
            } catch (DataAccessException e) {
                log.debug("Tracking metrics keep their last values: {}", e.getMessage());
            }
            readAt = now;
            everRead = true;
        }
        return active;
    }

    private static String stageTag(TrackedTaskQuery.Group group) {
        if (group.kind() == TaskKind.PRECHECK || group.stage() == null) {
            return "none";
        }
        return STAGES.contains(group.stage()) ? Objects.requireNonNull(group.stage()) : "other";
    }

    private static String tag(TaskKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
