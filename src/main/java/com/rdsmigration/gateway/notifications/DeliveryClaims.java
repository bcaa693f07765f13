package com.rdsmigration.gateway.notifications;

import static com.rdsmigration.gateway.notifications.SubscriptionStore.utc;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims due deliveries of {@code webhook_delivery} (pending ones, and ones whose claim has timed out) for one attempt
 * each, fairly across teams: the candidates come in turns, every team's oldest due delivery first, then every team's
 * second, and so on ({@code row_number() over (partition by team ...)}), so a hundred due deliveries of one team do
 * not fill a claim ahead of another team's one. The candidates are then locked in a statement of their own ({@code
 * for update skip locked}, which PostgreSQL and H2 both have, but PostgreSQL not beside a window function): rows
 * another replica is claiming are skipped, not waited for, and the claim keeps, in turn order, those its budget has room
 * for; rows locked but not kept are released unchanged at commit. The lock statement checks again that each row is
 * due, so a row another replica claimed since the candidates were read is not claimed twice.
 */
@Component
class DeliveryClaims {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DeliveryClaims(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Claims due deliveries as the budget allows, until {@code claimedUntil}. */
    List<ClaimedDelivery> claim(Instant now, ClaimBudget budget, Instant claimedUntil) {
        if (budget.free() <= 0 || budget.lookAt() <= 0) {
            return List.of();
        }
        List<ClaimedDelivery> claimed = transactions.execute(status -> claimInTransaction(now, budget, claimedUntil));
        return claimed == null ? List.of() : claimed;
    }

    private List<ClaimedDelivery> claimInTransaction(Instant now, ClaimBudget budget, Instant claimedUntil) {
        List<ClaimCandidate> candidates = candidates(now, budget);
        if (candidates.isEmpty()) {
            return List.of();
        }
        Set<UUID> locked = new HashSet<>(jdbc.sql("select id from webhook_delivery where id in (:ids)"
                        + " and next_attempt_at <= :now for update skip locked")
                .param("ids", candidates.stream().map(ClaimCandidate::id).toList())
                .param("now", utc(now))
                .query(UUID.class)
                .list());
        List<UUID> ids = budget.pick(candidates, locked);
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID token = UUID.randomUUID();
        jdbc.sql("update webhook_delivery set status = :status, claim_token = :token, attempts = attempts + 1,"
                        + " next_attempt_at = :claimedUntil, last_attempt_at = :now where id in (:ids)")
                .param("status", DeliveryStatus.SENDING.name())
                .param("token", token)
                .param("claimedUntil", utc(claimedUntil))
                .param("now", utc(now))
                .param("ids", ids)
                .update();
        return jdbc.sql("select d.id, d.subscription_id, d.payload, d.attempts, s.team, s.url from webhook_delivery d"
                        + " join webhook_subscription s on s.id = d.subscription_id where d.id in (:ids)")
                .param("ids", ids)
                .query((rs, row) -> new ClaimedDelivery(
                        rs.getObject("id", UUID.class),
                        rs.getObject("subscription_id", UUID.class),
                        rs.getString("team"),
                        rs.getString("url"),
                        rs.getString("payload"),
                        rs.getInt("attempts"),
                        token))
                .list();
    }

    /** Up to {@code lookAt} due deliveries in turns across teams, at most {@code perTeam} of a team, full teams none. */
    private List<ClaimCandidate> candidates(Instant now, ClaimBudget budget) {
        Set<String> full = budget.fullTeams();
        return jdbc.sql("select id, team from (select d.id, s.team, d.next_attempt_at, row_number() over"
                        + " (partition by s.team order by d.next_attempt_at, d.id) as turn from webhook_delivery d"
                        + " join webhook_subscription s on s.id = d.subscription_id where d.next_attempt_at <= :now"
                        + (full.isEmpty() ? "" : " and s.team not in (:full)")
                        + ") due where turn <= :perTeam order by turn, next_attempt_at, id limit :lookAt")
                .param("now", utc(now))
                .params(full.isEmpty() ? Map.of() : Map.of("full", List.copyOf(full)))
                .param("perTeam", budget.perTeam())
                .param("lookAt", budget.lookAt())
                .query((rs, row) -> new ClaimCandidate(rs.getObject("id", UUID.class), rs.getString("team")))
                .list();
    }
}
