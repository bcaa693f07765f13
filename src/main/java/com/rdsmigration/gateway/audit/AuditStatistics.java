package com.rdsmigration.gateway.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts of upstream requests from the audit trail: every attempt sent, whatever its outcome, is a billed request. */
@Component
public class AuditStatistics {

    private final JdbcClient jdbc;

    AuditStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Upstream requests per team sent in {@code [from, to)}; the gateway's own background calls under "system". */
    public Map<String, Long> requestsPerTeam(Instant from, Instant to) {
        return countsBy("coalesce(team, 'system')", from, to);
    }

    /** Upstream requests per action sent in {@code [from, to)}. */
    public Map<String, Long> requestsPerAction(Instant from, Instant to) {
        return countsBy("action", from, to);
    }

    /** Events in {@code [from, to)} counted by {@code key}, a column expression of this class's own choosing. */
    private Map<String, Long> countsBy(String key, Instant from, Instant to) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select " + key + " as counted, count(*) as requests from audit_event"
                        + " where occurred_at >= :from and occurred_at < :to group by " + key)
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .query((RowCallbackHandler) row -> counts.put(row.getString("counted"), row.getLong("requests")));
        return counts;
    }
}
