package com.rdsmigration.gateway.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache of instances' groups on a clock the test moves: one read per instance and period, failures not kept. */
class ResourceGroupsTests {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

    ResourceGroups groups(ResourceGroupReader reader, int maxCached) {
        return new ResourceGroups(
                reader, new OwnershipProperties(Duration.ofMinutes(5), maxCached, Duration.ofSeconds(10)), clock);
    }

    ResourceGroupReader counting(String group) {
        return instance -> {
            reads.computeIfAbsent(instance, key -> new AtomicInteger()).incrementAndGet();
            return Optional.of(group);
        };
    }

    @Test
    void requestsThatNameAnInstanceAtOnceShareOneRead() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        ResourceGroups groups = groups(
                instance -> {
                    started.incrementAndGet();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Optional.of("rg-a");
                },
                100);
        ExecutorService callers = Executors.newFixedThreadPool(50);
        try {
            List<CompletableFuture<Optional<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> groups.of("pgm-1"), callers));
            }
            while (started.get() == 0) {
                Thread.onSpinWait();
            }
            release.countDown();

            assertThat(answers)
                    .allSatisfy(answer ->
                            assertThat(answer.get(10, TimeUnit.SECONDS)).hasValue("rg-a"));
            assertThat(started).hasValue(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aGroupIsReadAgainOnlyAfterItsPeriod() {
        ResourceGroups groups = groups(counting("rg-a"), 100);

        groups.of("pgm-1");
        clock.advance(Duration.ofMinutes(4));
        groups.of("pgm-1");
        assertThat(reads.get("pgm-1")).hasValue(1);

        clock.advance(Duration.ofMinutes(2));
        groups.of("pgm-1");
        assertThat(reads.get("pgm-1")).hasValue(2);
    }

    @Test
    void aFailedReadIsNotKept() {
        AtomicInteger attempts = new AtomicInteger();
        ResourceGroups groups = groups(
                instance -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("upstream down");
                    }
                    return Optional.empty();
                },
                100);

        assertThatThrownBy(() -> groups.of("pgm-1")).hasMessage("upstream down");
        assertThat(groups.of("pgm-1"))
                .as("an instance the upstream does not know")
                .isEmpty();
        assertThat(attempts).hasValue(2);
    }

    @Test
    void holdsNoMoreInstancesThanItsBoundOldestGoingFirst() {
        ResourceGroups groups = groups(counting("rg-a"), 3);
        for (int i = 1; i <= 5; i++) {
            groups.of("pgm-" + i);
            clock.advance(Duration.ofSeconds(1));
        }

        groups.of("pgm-5");
        groups.of("pgm-1");

        assertThat(reads.get("pgm-5")).as("recent: kept").hasValue(1);
        assertThat(reads.get("pgm-1")).as("oldest: evicted, read again").hasValue(2);
    }
}
