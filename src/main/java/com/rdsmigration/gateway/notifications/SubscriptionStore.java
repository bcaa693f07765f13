package com.rdsmigration.gateway.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code webhook_subscription} table; each method one statement. */
@Component
class SubscriptionStore {

    private final JdbcClient jdbc;

    SubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Subscription subscription) {
        jdbc.sql("insert into webhook_subscription (id, team, url, task_id, created_at)"
                        + " values (:id, :team, :url, :taskId, :createdAt)")
                .param("id", subscription.id())
                .param("team", subscription.team())
                .param("url", subscription.url())
                .param("taskId", subscription.taskId())
                .param("createdAt", utc(subscription.createdAt()))
                .update();
    }

    Optional<Subscription> find(UUID id) {
        return jdbc.sql("select * from webhook_subscription where id = :id")
                .param("id", id)
                .query((rs, row) -> toSubscription(rs))
                .optional();
    }

    /** A page of one team's subscriptions, or of every team's when {@code team} is null; newest first. */
    List<Subscription> page(@Nullable String team, int page, int size) {
        return jdbc.sql("select * from webhook_subscription" + teamFilter(team)
                        + " order by created_at desc, id limit :size offset :offset")
                .params(teamParam(team))
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> toSubscription(rs))
                .list();
    }

    long count(@Nullable String team) {
        return jdbc.sql("select count(*) from webhook_subscription" + teamFilter(team))
                .params(teamParam(team))
                .query(Long.class)
                .single();
    }

    private static String teamFilter(@Nullable String team) {
        return team == null ? "" : " where team = :team";
    }

    private static Map<String, Object> teamParam(@Nullable String team) {
        return team == null ? Map.of() : Map.of("team", team);
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from webhook_subscription where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** The subscriptions a change of this task concerns: the task's own and its team's. */
    List<Subscription> matching(UUID taskId, String team) {
        return jdbc.sql("select * from webhook_subscription where task_id = :taskId"
                        + " or (task_id is null and team = :team)")
                .param("taskId", taskId)
                .param("team", team)
                .query((rs, row) -> toSubscription(rs))
                .list();
    }

    private static Subscription toSubscription(ResultSet rs) throws SQLException {
        return new Subscription(
                rs.getObject("id", UUID.class),
                rs.getString("team"),
                rs.getString("url"),
                rs.getObject("task_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
