package com.rdsmigration.gateway.idempotency;

import com.rdsmigration.gateway.system.StatementPipeline;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code idempotency_key} table. Every method is one statement in its own (auto-committed) transaction, so no
 * connection is held while the request runs; changes to a running key name its owner token, so a request that was
 * taken over as abandoned can no longer overwrite its successor.
 */
@Component
class IdempotencyStore {

    private final JdbcClient jdbc;
    private final StatementPipeline statements;

    /** The rows of one caller's keys. */
    private static final String SCOPE = "team = :team and principal = :principal";

    IdempotencyStore(JdbcClient jdbc, StatementPipeline statements) {
        this.jdbc = jdbc;
        this.statements = statements;
    }

    /**
     * Claims a fresh key; {@code false} when the caller already has a row for it. No error then, which in PostgreSQL
     * would end the transaction of an intent the claim is part of.
     */
    boolean insertInFlight(KeyScope scope, String key, String fingerprint, UUID owner, Instant now, Instant expiresAt) {
        return inFlight(" on conflict do nothing", scope, key, fingerprint, owner, now, expiresAt)
                        .update()
                == 1;
    }

    /**
     * As {@link #insertInFlight}, in the caller's transaction: sent with its later statements ({@link
     * StatementPipeline}). A key another request holds is the database's refusal, which fails that round trip, commit
     * and all, with {@code taken}'s exception.
     */
    void insertInFlightLater(
            KeyScope scope,
            String key,
            String fingerprint,
            UUID owner,
            Instant now,
            Instant expiresAt,
            Supplier<RuntimeException> taken) {
        inFlight("", scope, key, fingerprint, owner, now, expiresAt)
                .onFailure(failed ->
                        failed instanceof DuplicateKeyException && StatementPipeline.violates(failed, "idempotency_key")
                                ? taken.get()
                                : null)
                .later();
    }

    private StatementPipeline.Spec inFlight(
            String onConflict,
            KeyScope scope,
            String key,
            String fingerprint,
            UUID owner,
            Instant now,
            Instant expiresAt) {
        return statements
                .sql("insert into idempotency_key (team, principal, idempotency_key, fingerprint, state, owner_token,"
                        + " started_at, expires_at) values (:team, :principal, :key, :fingerprint, 'IN_FLIGHT',"
                        + " :owner, :now, :expiresAt)" + onConflict)
                .param("team", scope.team())
                .param("principal", scope.principal())
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("owner", owner)
                .param("now", utc(now))
                .param("expiresAt", utc(expiresAt));
    }

    Optional<KeyRecord> find(KeyScope scope, String key) {
        return jdbc.sql("select * from idempotency_key where " + SCOPE + " and idempotency_key = :key")
                .param("team", scope.team())
                .param("principal", scope.principal())
                .param("key", key)
                .query((rs, row) -> toRecord(rs))
                .optional();
    }

    /** Hands an abandoned running key to a new owner, unless someone else got there first. */
    boolean takeOver(KeyScope scope, String key, UUID abandoned, UUID owner, Instant now, Instant expiresAt) {
        return jdbc.sql("update idempotency_key set owner_token = :owner, started_at = :now, expires_at = :expiresAt"
                                + " where " + SCOPE + " and idempotency_key = :key and owner_token = :abandoned"
                                + " and state = 'IN_FLIGHT'")
                        .param("owner", owner)
                        .param("now", utc(now))
                        .param("expiresAt", utc(expiresAt))
                        .param("team", scope.team())
                        .param("principal", scope.principal())
                        .param("key", key)
                        .param("abandoned", abandoned)
                        .update()
                == 1;
    }

    boolean complete(Claim.Acquired claim, StoredAnswer answer, Instant expiresAt) {
        return jdbc.sql("update idempotency_key set state = 'COMPLETED', expires_at = :expiresAt,"
                                + " response_status = :status, response_content_type = :contentType,"
                                + " response_location = :location, response_body = :body"
                                + " where " + SCOPE + " and idempotency_key = :key and owner_token = :owner"
                                + " and state = 'IN_FLIGHT'")
                        .param("expiresAt", utc(expiresAt))
                        .param("status", answer.status())
                        .param("contentType", answer.contentType())
                        .param("location", answer.location())
                        .param("body", answer.body())
                        .param("team", claim.scope().team())
                        .param("principal", claim.scope().principal())
                        .param("key", claim.key())
                        .param("owner", claim.owner())
                        .update()
                == 1;
    }

    boolean release(Claim.Acquired claim) {
        return jdbc.sql("delete from idempotency_key where " + SCOPE + " and idempotency_key = :key"
                                + " and owner_token = :owner and state = 'IN_FLIGHT'")
                        .param("team", claim.scope().team())
                        .param("principal", claim.scope().principal())
                        .param("key", claim.key())
                        .param("owner", claim.owner())
                        .update()
                == 1;
    }

    /** Deletes one key if it has expired by {@code now}. */
    void deleteExpired(KeyScope scope, String key, Instant now) {
        jdbc.sql("delete from idempotency_key where " + SCOPE + " and idempotency_key = :key and expires_at <= :now")
                .param("team", scope.team())
                .param("principal", scope.principal())
                .param("key", key)
                .param("now", utc(now))
                .update();
    }

    /** Deletes at most {@code limit} keys that expired by {@code now}; answers how many. */
    int purgeExpired(Instant now, int limit) {
        return jdbc.sql("delete from idempotency_key where (team, principal, idempotency_key) in (select team,"
                        + " principal, idempotency_key from idempotency_key where expires_at <= :now limit :limit)")
                .param("now", utc(now))
                .param("limit", limit)
                .update();
    }

    private static KeyRecord toRecord(ResultSet rs) throws SQLException {
        boolean completed = "COMPLETED".equals(rs.getString("state"));
        StoredAnswer answer = completed
                ? new StoredAnswer(
                        rs.getInt("response_status"),
                        rs.getString("response_content_type"),
                        rs.getString("response_location"),
                        bytesOrEmpty(rs.getBytes("response_body")))
                : null;
        return new KeyRecord(
                rs.getString("fingerprint"),
                completed,
                rs.getObject("owner_token", UUID.class),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                answer);
    }

    private static byte[] bytesOrEmpty(byte @Nullable [] bytes) {
        return bytes != null ? bytes : new byte[0];
    }

    /** At the microsecond PostgreSQL keeps, cut rather than rounded, so a stored time never lies in the future. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
