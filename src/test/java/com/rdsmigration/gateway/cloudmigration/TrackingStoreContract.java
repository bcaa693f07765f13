package com.rdsmigration.gateway.cloudmigration;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.cloudmigration.tracking.TrackedTaskQuery;
import com.rdsmigration.gateway.cloudmigration.tracking.TrackerLock;
import com.rdsmigration.gateway.cloudmigration.tracking.TrackingConfiguration;
import com.rdsmigration.gateway.cloudmigration.tracking.TrackingProperties;
import com.rdsmigration.gateway.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the tracker keeps in the store, on each database the gateway runs on: which tasks are due, each stage once with
 * the time it was first seen, a change event per change and none for old news, and a lock one replica holds at a time.
 */
@RecordApplicationEvents
@Import(TrackingStoreContract.Components.class)
abstract class TrackingStoreContract {

    static final MigrationSource SOURCE = new MigrationSource("172.16.0.10", 5432, "migratetest", null, "ecsOnVpc");
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    CloudMigrationTaskRepository repository;

    @Autowired
    ReadRecorder recorder;

    @Autowired
    TrackedTaskQuery tracked;

    @Autowired
    TrackingProperties tracking;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationEvents events;

    CloudMigrationTask migration(TaskStatus status) {
        CloudMigrationTask task = new CloudMigrationTask(
                NewTask.of(TaskKind.MIGRATION, "team-a", "pgm-" + UUID.randomUUID(), SOURCE, TaskNames.generate()),
                START);
        task.accepted(Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L), "req", START);
        if (status != TaskStatus.RUNNING) {
            task.synced(stage("success", "finish"), status, START, START);
        }
        return repository.saveAndFlush(task);
    }

    static UpstreamState stage(String stage, String replication) {
        return new UpstreamState(stage, replication, null, null, null);
    }

    @Test
    void listsActiveTasksNeverReadOrPastTheirNextReadAsDue() {
        CloudMigrationTask neverRead = migration(TaskStatus.RUNNING);
        CloudMigrationTask readJustNow = migration(TaskStatus.RUNNING);
        CloudMigrationTask ended = migration(TaskStatus.SUCCEEDED);
        recorder.synced(readJustNow.getId(), stage("basebackup", "unstarted"), START);

        var due = tracked.due(START.plusSeconds(1), 1_000).stream()
                .map(TrackedTaskQuery.Due::id)
                .toList();
        var dueLater = tracked.due(START.plus(tracking.interval()), 1_000).stream()
                .map(TrackedTaskQuery.Due::id)
                .toList();

        assertThat(due).contains(neverRead.getId()).doesNotContain(readJustNow.getId(), ended.getId());
        assertThat(dueLater).contains(neverRead.getId(), readJustNow.getId()).doesNotContain(ended.getId());
    }

    @Test
    void recordsEachStageOnceWithTheTimeItWasFirstSeenAndOneEventPerChange() {
        UUID id = migration(TaskStatus.RUNNING).getId();

        recorder.synced(id, stage("precheck", "unstarted"), START);
        recorder.synced(id, stage("precheck", "unstarted"), START.plusSeconds(5));
        recorder.synced(id, stage("startup", "catchup"), START.plusSeconds(10));
        recorder.synced(id, stage("startup", "streaming"), START.plusSeconds(15));
        CloudMigrationTask task = recorder.synced(id, stage("startup", "streaming"), START.plusSeconds(20));

        assertThat(task.getStageHistory())
                .extracting(StageVisit::getStage, StageVisit::getFirstSeenAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("precheck", START),
                        org.assertj.core.groups.Tuple.tuple("startup", START.plusSeconds(10)));
        assertThat(events.stream(CloudMigrationChanged.class))
                .extracting(
                        CloudMigrationChanged::previousStage,
                        CloudMigrationChanged::stage,
                        CloudMigrationChanged::replicationState)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, "precheck", "unstarted"),
                        org.assertj.core.groups.Tuple.tuple("precheck", "startup", "catchup"),
                        org.assertj.core.groups.Tuple.tuple("startup", "startup", "streaming"));
        assertThat(task.getSyncedAt()).isEqualTo(START.plusSeconds(20));
        assertThat(task.getUnchangedReads()).isEqualTo(1);
        assertThat(task.getNextSyncAt())
                .isEqualTo(START.plusSeconds(20).plus(tracking.interval().multipliedBy(2)));
    }

    @Test
    void aReadOlderThanTheStoredOneChangesNothingAndAnnouncesNothing() {
        UUID id = migration(TaskStatus.RUNNING).getId();
        recorder.synced(id, stage("increment", "streaming"), START.plusSeconds(10));
        long published = events.stream(CloudMigrationChanged.class).count();

        CloudMigrationTask task = recorder.synced(id, stage("basebackup", "unstarted"), START.plusSeconds(9));

        assertThat(task.getStage()).isEqualTo("increment");
        assertThat(task.getStageHistory()).extracting(StageVisit::getStage).containsExactly("increment");
        assertThat(events.stream(CloudMigrationChanged.class)).hasSize((int) published);
    }

    @Test
    void readsANewTaskAgainOneIntervalAfterItsFirstReadEvenWhenItShowedNothingNew() {
        UUID id = migration(TaskStatus.RUNNING).getId();

        CloudMigrationTask task = recorder.synced(id, new UpstreamState(null, null, null, "report", null), START);

        assertThat(task.getNextSyncAt()).isEqualTo(START.plus(tracking.interval()));
        assertThat(task.getUnchangedReads()).isZero();
    }

    @Test
    void aTaskTheUpstreamDoesNotListIsReadLaterAsAfterAReadWithoutNews() {
        UUID id = migration(TaskStatus.RUNNING).getId();

        recorder.unread(id, START);

        CloudMigrationTask task = repository.findById(id).orElseThrow();
        assertThat(task.getNextSyncAt())
                .isEqualTo(START.plus(tracking.interval().multipliedBy(2)));
        assertThat(task.getSyncedAt()).isNull();
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void oneReplicaAtATimeHoldsTheTrackerLockAndTheNextTakesItWhenItIsLetGo() {
        var configuration = new TrackingConfiguration();
        TrackerLock first = configuration.trackerLock(dataSource, tracking);
        TrackerLock second = configuration.trackerLock(dataSource, tracking);
        try {
            assertThat(first.hold()).isTrue();
            assertThat(second.hold()).isFalse();
            assertThat(first.hold()).as("held on, not taken twice").isTrue();
            assertThat(second.held()).isFalse();

            first.destroy();

            assertThat(first.hold())
                    .as("a stopped replica never takes it again")
                    .isFalse();
            assertThat(second.hold()).isTrue();
        } finally {
            first.destroy();
            second.destroy();
        }
    }

    /** The tracker's store components, with settings and a clock of their own. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TrackingProperties.class)
    @Import({ReadRecorder.class, StageHistory.class, TaskChangePublisher.class, TrackedTaskQuery.class})
    static class Components {

        @Bean
        MutableClock clock() {
            return new MutableClock(START.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS));
        }
    }
}
