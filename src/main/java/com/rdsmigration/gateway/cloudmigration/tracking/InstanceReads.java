package com.rdsmigration.gateway.cloudmigration.tracking;

import com.rdsmigration.gateway.cloudmigration.CloudMigrationUpstream;
import com.rdsmigration.gateway.cloudmigration.TaskKind;
import com.rdsmigration.gateway.cloudmigration.UpstreamState;
import com.rdsmigration.gateway.rds.wire.CloudMigrationTaskFilter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads several tasks of one kind on one instance with as few Describe calls as the upstream's filters and paging
 * allow: a single task by its TaskId; several by listing the instance's tasks a page of {@value #PAGE_SIZE} at a time
 * (the largest page the upstream serves), and the last few missing ones by TaskId when that takes fewer calls than the
 * pages still to come (an instance may keep hundreds of finished prechecks).
 */
@Component
class InstanceReads {

    static final long PAGE_SIZE = 100;

    private final CloudMigrationUpstream upstream;

    InstanceReads(CloudMigrationUpstream upstream) {
        this.upstream = upstream;
    }

    /**
     * The states of those of {@code taskIds} the upstream lists; {@code beforeCall} runs before each call is sent.
     */
    Map<Long, UpstreamState> read(TaskKind kind, String instance, Set<Long> taskIds, Runnable beforeCall) {
        Map<Long, UpstreamState> found = new HashMap<>();
        Set<Long> missing = new HashSet<>(taskIds);
        for (long page = 1; missing.size() > 1; page++) {
            beforeCall.run();
            var listing = upstream.list(kind, CloudMigrationTaskFilter.page(instance, page, PAGE_SIZE));
            for (CloudMigrationUpstream.Listed task : listing.tasks()) {
                if (missing.remove(task.taskId())) {
                    found.put(task.taskId(), task.state());
                }
            }
            long pagesLeft = (listing.totalSize() + PAGE_SIZE - 1) / PAGE_SIZE - page;
            if (listing.tasks().isEmpty() || pagesLeft <= 0) {
                return found; // listed in full: the upstream does not list the rest
            }
            if (missing.size() <= pagesLeft) {
                break;
            }
        }
        for (long taskId : missing) {
            beforeCall.run();
            upstream.list(kind, CloudMigrationTaskFilter.byTaskId(instance, taskId)).tasks().stream()
                    .filter(task -> task.taskId() == taskId)
                    .findFirst()
                    .ifPresent(task -> found.put(taskId, task.state()));
        }
        return found;
    }
}
