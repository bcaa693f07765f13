package com.rdsmigration.gateway.simulator;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Every call the RPC endpoint answered, refused ones included: the last {@code rds.simulator.max-calls} (default
 * {@value #CAPACITY}) in order of arrival, and
 * exact counts per action since the last reset (names other than the actions of {@code RdsActions.ALL} count
 * under {@value #OTHER}, so that the counts stay small).
 */
final class CallLog {

    static final int CAPACITY = 10_000;
    static final String OTHER = "(other)";

    /**
     * One answered call. {@code time} is the simulator's (possibly simulated) clock, {@code arrivedAt} the real time
     * the request arrived, to the microsecond: what a rate check counts. {@code code} is the error code, {@code null}
     * on success.
     */
    record Call(
            String time,
            String arrivedAt,
            @Nullable String action,
            AuthMode auth,
            int httpStatus,
            @Nullable String code,
            String requestId) {}

    /** What {@code GET /rds-simulator/_control/calls} answers. */
    record Snapshot(List<Call> calls, Map<String, Long> counts) {}

    private final ArrayDeque<Call> calls = new ArrayDeque<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private final int capacity;

    CallLog() {
        this(CAPACITY);
    }

    CallLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void record(Call call) {
        if (calls.size() >= capacity) {
            calls.removeFirst();
        }
        calls.addLast(call);
        String action = call.action();
        counts.merge(action != null && RdsActions.ALL.contains(action) ? action : OTHER, 1L, Long::sum);
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(List.copyOf(calls), Collections.unmodifiableMap(new TreeMap<>(counts)));
    }

    synchronized void clear() {
        calls.clear();
        counts.clear();
    }
}
