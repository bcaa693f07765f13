package com.rdsmigration.gateway.notifications;

import static com.rdsmigration.gateway.notifications.SubscriptionStore.utc;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code webhook_delivery} table: rows are added in the transaction of the change they tell, claimed by one
 * replica at a time ({@link DeliveryClaims}), and settled by the replica that claimed them only: an outcome names the
 * claim's token, so a replica whose claim timed out and was taken over cannot overwrite the newer attempt's.
 */
@Component
class DeliveryOutbox {

    private final JdbcClient jdbc;

    DeliveryOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a delivery due now, in the caller's transaction. */
    void add(UUID id, UUID subscription, UUID task, String payload, Instant now) {
        jdbc.sql("insert into webhook_delivery (id, subscription_id, task_id, payload, status, attempts,"
                        + " next_attempt_at, created_at) values (:id, :subscription, :task, :payload, :status, 0,"
                        + " :now, :now)")
                .param("id", id)
                .param("subscription", subscription)
                .param("task", task)
                .param("payload", payload)
                .param("status", DeliveryStatus.PENDING.name())
                .param("now", utc(now))
                .update();
    }

    /** The receiver accepted the delivery. */
    boolean delivered(ClaimedDelivery delivery, int httpStatus) {
        return settle(delivery, DeliveryStatus.DELIVERED, null, httpStatus, null);
    }

    /** The attempt failed; the delivery is due again at {@code retryAt}, or given up when that is null. */
    boolean attemptFailed(
            ClaimedDelivery delivery, @Nullable Integer httpStatus, String error, @Nullable Instant retryAt) {
        return settle(
                delivery, retryAt == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING, retryAt, httpStatus, error);
    }

    private boolean settle(
            ClaimedDelivery delivery,
            DeliveryStatus status,
            @Nullable Instant nextAttemptAt,
            @Nullable Integer httpStatus,
            @Nullable String error) {
        return jdbc.sql("update webhook_delivery set status = :status, next_attempt_at = :next, claim_token = null,"
                                + " last_http_status = :httpStatus, last_error = :error"
                                + " where id = :id and claim_token = :token")
                        .param("status", status.name())
                        .param("next", nextAttemptAt == null ? null : utc(nextAttemptAt), Types.TIMESTAMP_WITH_TIMEZONE)
                        .param("httpStatus", httpStatus, Types.INTEGER)
                        .param("error", error, Types.VARCHAR)
                        .param("id", delivery.id())
                        .param("token", delivery.claimToken())
                        .update()
                == 1;
    }

    /** Each subscription's counts and most recent attempt. */
    Map<UUID, DeliveryStats> stats(List<UUID> subscriptions) {
        if (subscriptions.isEmpty()) {
            return Map.of();
        }
        Map<UUID, long[]> counts = new HashMap<>();
        jdbc.sql("select subscription_id, status, count(*) as n from webhook_delivery"
                        + " where subscription_id in (:ids) group by subscription_id, status")
                .param("ids", subscriptions)
                .query(rs -> {
                    long[] count =
                            counts.computeIfAbsent(rs.getObject("subscription_id", UUID.class), id -> new long[3]);
                    DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
                    int slot = status == DeliveryStatus.DELIVERED ? 1 : status == DeliveryStatus.FAILED ? 2 : 0;
                    count[slot] += rs.getLong("n");
                });
        Map<UUID, DeliveryStats.LastDelivery> last = new HashMap<>();
        jdbc.sql("select * from (select subscription_id, id, status, attempts, last_attempt_at, last_http_status,"
                        + " last_error, row_number() over (partition by subscription_id order by last_attempt_at desc,"
                        + " id) as recency from webhook_delivery where subscription_id in (:ids)"
                        + " and last_attempt_at is not null) latest where recency = 1")
                .param("ids", subscriptions)
                .query(rs -> {
                    last.put(
                            rs.getObject("subscription_id", UUID.class),
                            new DeliveryStats.LastDelivery(
                                    rs.getObject("id", UUID.class),
                                    DeliveryStatus.valueOf(rs.getString("status")),
                                    rs.getInt("attempts"),
                                    rs.getObject("last_attempt_at", OffsetDateTime.class)
                                            .toInstant(),
                                    rs.getObject("last_http_status", Integer.class),
                                    rs.getString("last_error")));
                });
        Map<UUID, DeliveryStats> stats = new HashMap<>();
        for (UUID subscription : subscriptions) {
            long[] count = counts.getOrDefault(subscription, new long[3]);
            stats.put(subscription, new DeliveryStats(count[0], count[1], count[2], last.get(subscription)));
        }
        return stats;
    }

    /** Deliveries not yet delivered or given up. */
    long backlog() {
        return jdbc.sql("select count(*) from webhook_delivery where next_attempt_at is not null")
                .query(Long.class)
                .single();
    }

    /** Deletes at most {@code limit} delivered or failed deliveries created before {@code cutoff}. */
    int purge(Instant cutoff, int limit) {
        return jdbc.sql("delete from webhook_delivery where id in (select id from webhook_delivery"
                        + " where created_at < :cutoff and next_attempt_at is null limit :limit)")
                .param("cutoff", utc(cutoff))
                .param("limit", limit)
                .update();
    }
}
