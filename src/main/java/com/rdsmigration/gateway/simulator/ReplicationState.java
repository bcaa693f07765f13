package com.rdsmigration.gateway.simulator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A replication state the control API may impose on an instance's migration, spelled as {@code ReplicationState} and
 * {@code ReplicationInfo.Status} spell it: {@code streaming}, {@code catchup} or {@code disconnect}.
 */
enum ReplicationState {
    STREAMING,
    CATCHUP,
    DISCONNECT;

    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads only the wire names, so that a typo answers 400 rather than imposing a state: not another case, and not
     * the constant's index, which Jackson would otherwise accept.
     */
    @JsonCreator
    static ReplicationState of(String text) {
        for (ReplicationState state : values()) {
            if (state.wireName().equals(text)) {
                return state;
            }
        }
        throw new IllegalArgumentException(
                "Unknown replication state '" + text + "'; use streaming, catchup or disconnect");
    }
}
