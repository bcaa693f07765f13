package com.rdsmigration.gateway.quota;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the counters of {@link UsageCounters}: a month of one account is at most a row per day, team and action. */
@Component
class UsageLedger {

    private final JdbcClient jdbc;

    UsageLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One counter: upstream requests (every attempt) and calls (first attempts) of a team and action in a day. */
    record Entry(LocalDate day, String team, String action, long requests, long calls) {}

    /** The account's counters of the days {@code from} to {@code to}, both included. */
    List<Entry> entries(String account, LocalDate from, LocalDate to) {
        return jdbc.sql("select usage_day, team, action, requests, calls from upstream_usage where account = :account"
                        + " and usage_day between :from and :to")
                .param("account", account)
                .param("from", from)
                .param("to", to)
                .query((row, number) -> new Entry(
                        row.getObject("usage_day", LocalDate.class),
                        row.getString("team"),
                        row.getString("action"),
                        row.getLong("requests"),
                        row.getLong("calls")))
                .list();
    }
}
