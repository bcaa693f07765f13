package com.rdsmigration.gateway.guided;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.web.ListFilters;
import com.rdsmigration.gateway.web.ListParams;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guided migrations, each change in a short transaction of its own under the row's lock (never one open across an
 * upstream call), a status change published as {@link GuidedMigrationChanged} in the transaction that records it.
 */
@Component
class GuidedMigrationStore {

    private final GuidedMigrationRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GuidedMigrationStore(GuidedMigrationRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** Records a new guided migration; its first status is no change to publish (its creator has the answer). */
    @Transactional
    GuidedMigration create(GuidedMigration guided) {
        return repository.saveAndFlush(guided);
    }

    /** Drops a guided migration whose create was refused: nothing of it reached the upstream. */
    @Transactional
    void delete(UUID id) {
        repository.deleteById(id);
    }

    /** The guided migration as {@code caller} may see it; 404 when it is another team's. */
    @Transactional(readOnly = true)
    GuidedMigration get(UUID id, Caller caller) {
        return repository
                .findById(id)
                .filter(guided -> caller.canAccess(guided.getTeam()))
                .orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    Optional<GuidedMigration> find(UUID id) {
        return repository.findById(id);
    }

    @Transactional(readOnly = true)
    Page<GuidedMigration> list(Caller caller, @Nullable GuidedStatus status, ListParams params) {
        var filters = ListFilters.<GuidedMigration>ownedBy(caller.admin() ? null : caller.team(), params)
                .equal("status", status)
                .equal("targetInstanceId", params.instance());
        return repository.findAll(filters.specification(), ListFilters.newestFirst(params));
    }

    /** The ids of the guided migrations the driver advances, least recently changed first. */
    @Transactional(readOnly = true)
    List<UUID> driven() {
        return repository.findIdsByStatusIn(GuidedStatus.DRIVEN);
    }

    @Transactional(readOnly = true)
    Map<GuidedStatus, Long> countByStatus() {
        Map<GuidedStatus, Long> counts = new EnumMap<>(GuidedStatus.class);
        for (Object[] row : repository.countByStatus()) {
            counts.put((GuidedStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    /**
     * Changes the guided migration under its row lock, as {@code caller} acts on it: {@code change} sees it as it is
     * now (and throws a problem to refuse); a status change it makes is published. 404 when it is not the caller's.
     */
    @Transactional
    GuidedMigration change(UUID id, Caller caller, Consumer<GuidedMigration> change) {
        GuidedMigration guided = repository
                .findLocked(id)
                .filter(found -> caller.canAccess(found.getTeam()))
                .orElseThrow(() -> notFound(id));
        return apply(guided, change);
    }

    /**
     * The driver's change: made only while the guided migration still has status {@code expected} (a person may have
     * cancelled it since the driver read it); empty, and nothing changed, when it no longer has.
     */
    @Transactional
    Optional<GuidedMigration> advance(UUID id, GuidedStatus expected, Consumer<GuidedMigration> change) {
        return repository
                .findLocked(id)
                .filter(guided -> guided.getStatus() == expected)
                .map(guided -> apply(guided, change));
    }

    /** Now, to the microsecond that PostgreSQL keeps, so a stored time reads back exactly as it was answered. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private GuidedMigration apply(GuidedMigration guided, Consumer<GuidedMigration> change) {
        GuidedStatus before = guided.getStatus();
        change.accept(guided);
        if (guided.getStatus() != before) {
            published(guided, before);
        }
        return repository.saveAndFlush(guided);
    }

    private void published(GuidedMigration guided, GuidedStatus before) {
        List<HistoryEntry> history = guided.getHistory();
        HistoryEntry last = history.get(history.size() - 1);
        events.publishEvent(new GuidedMigrationChanged(
                guided.getId(),
                guided.getTeam(),
                guided.getTargetInstanceId(),
                before.name(),
                guided.getStatus().name(),
                last.getReason(),
                last.getAt()));
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No guided migration " + id + ".");
    }
}
