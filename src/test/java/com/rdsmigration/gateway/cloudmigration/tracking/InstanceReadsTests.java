package com.rdsmigration.gateway.cloudmigration.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.rdsmigration.gateway.cloudmigration.CloudMigrationUpstream;
import com.rdsmigration.gateway.cloudmigration.TaskKind;
import com.rdsmigration.gateway.cloudmigration.UpstreamState;
import com.rdsmigration.gateway.rds.wire.CloudMigrationTaskFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The tracker reads the due tasks of an instance with as few Describe calls as the filters and paging allow: one task
 * by its TaskId, several by pages of the instance's tasks, and stragglers by TaskId when that is cheaper than paging.
 */
class InstanceReadsTests {

    static final String INSTANCE = "pgm-batched";

    /** An instance upstream with tasks 1..{@code count}, listed in that order. */
    final List<CloudMigrationTaskFilter> calls = new ArrayList<>();

    InstanceReads instanceWith(long count) {
        CloudMigrationUpstream upstream = mock(CloudMigrationUpstream.class);
        when(upstream.list(eq(TaskKind.MIGRATION), any())).thenAnswer(invocation -> {
            CloudMigrationTaskFilter filter = invocation.getArgument(1);
            calls.add(filter);
            List<Long> matching = LongStream.rangeClosed(1, count)
                    .filter(id -> filter.taskId() == null || filter.taskId() == id)
                    .boxed()
                    .toList();
            int from = (int) Math.min(matching.size(), (filter.pageNumber() - 1) * filter.pageSize());
            int to = (int) Math.min(matching.size(), from + filter.pageSize());
            return new CloudMigrationUpstream.Listing(
                    matching.subList(from, to).stream()
                            .map(id -> new CloudMigrationUpstream.Listed(id, state(id)))
                            .toList(),
                    matching.size());
        });
        return new InstanceReads(upstream);
    }

    static UpstreamState state(long id) {
        return new UpstreamState("increment", "streaming", null, "task " + id, null);
    }

    @Test
    void readsASingleTaskByItsTaskId() {
        var found = instanceWith(40).read(TaskKind.MIGRATION, INSTANCE, Set.of(7L), () -> {});

        assertThat(found).containsOnlyKeys(7L);
        assertThat(calls)
                .singleElement()
                .extracting(CloudMigrationTaskFilter::taskId)
                .isEqualTo(7L);
    }

    @Test
    void readsSeveralTasksOfAnInstanceWithOneListingCall() {
        AtomicInteger counted = new AtomicInteger();

        var found = instanceWith(40).read(TaskKind.MIGRATION, INSTANCE, Set.of(3L, 17L, 40L), counted::incrementAndGet);

        assertThat(found).containsOnlyKeys(3L, 17L, 40L);
        assertThat(found.get(17L).detail()).isEqualTo("task 17");
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.taskId()).isNull();
            assertThat(call.pageSize()).isEqualTo(InstanceReads.PAGE_SIZE);
        });
        assertThat(counted).as("each call counted before it is sent").hasValue(1);
    }

    @Test
    void pagesOnWhileThatTakesFewerCallsThanAskingForTheMissingOnesOneByOne() {
        var wanted = Set.of(5L, 150L, 160L, 170L, 180L, 420L);

        var found = instanceWith(450).read(TaskKind.MIGRATION, INSTANCE, wanted, () -> {});

        assertThat(found).containsOnlyKeys(wanted);
        assertThat(calls)
                .as("after page 1, five are missing with four pages to go: page 2; then one with three: by TaskId")
                .extracting(CloudMigrationTaskFilter::pageNumber, CloudMigrationTaskFilter::taskId)
                .containsExactly(tuple(1L, null), tuple(2L, null), tuple(1L, 420L));
    }

    @Test
    void leavesOutTasksTheUpstreamDoesNotList() {
        var found = instanceWith(3).read(TaskKind.MIGRATION, INSTANCE, Set.of(2L, 99L), () -> {});

        assertThat(found).containsOnlyKeys(2L);
        assertThat(calls).as("the listing was complete: no need to ask for 99").hasSize(1);
    }
}
