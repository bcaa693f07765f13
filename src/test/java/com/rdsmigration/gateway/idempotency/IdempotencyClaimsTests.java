package com.rdsmigration.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import com.rdsmigration.gateway.system.StatementPipeline;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The claim rules on the real schema and SQL, in H2's PostgreSQL mode (the embedded default database): one holder
 * per key, replay, 409 while running, 422 for another request, release, expiry and take-over of abandoned keys.
 */
class IdempotencyClaimsTests {

    final H2Store h2 = new H2Store();
    final IdempotencyClaims claims = h2.claims;

    static StoredAnswer created(String body) {
        return new StoredAnswer(201, "application/json", "/api/v1/imports/42", body.getBytes(StandardCharsets.UTF_8));
    }

    static ProblemType refusal(Claim claim) {
        assertThat(claim).isInstanceOf(Claim.Refused.class);
        return ((Claim.Refused) claim).problem().problemType();
    }

    @Test
    void letsOneRequestHoldAKeyAndRefusesTheSameRequestWith409WhileItRuns() {
        Claim first = claims.claim(new KeyScope("team-a", "ci"), "k1", "fp");

        assertThat(first).isInstanceOf(Claim.Acquired.class);
        assertThat(refusal(claims.claim(new KeyScope("team-a", "ci"), "k1", "fp")))
                .isEqualTo(ProblemType.CONFLICT);
        assertThat(((Claim.Refused) claims.claim(new KeyScope("team-a", "ci"), "k1", "fp"))
                        .problem()
                        .retryAfter())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aKeyClaimedBetweenTheCheckAndTheIntentIsRefusedWith409WhenTheIntentIsWritten() {
        Claim checked = claims.check(new KeyScope("team-a", "ci"), "k1", "fp");
        assertThat(checked).isInstanceOf(Claim.Deferred.class);
        assertThat(claims.claim(new KeyScope("team-a", "ci"), "k1", "fp")).isInstanceOf(Claim.Acquired.class);

        assertThatExceptionOfType(ProblemException.class)
                .isThrownBy(() -> claims.claimWithIntent((Claim.Deferred) checked))
                .satisfies(refused -> assertThat(refused.problemType()).isEqualTo(ProblemType.CONFLICT));
    }

    @Test
    void replaysTheStoredAnswerToTheSameRequest() {
        Claim.Acquired first = (Claim.Acquired) claims.claim(new KeyScope("team-a", "ci"), "k1", "fp");
        claims.settle(first, created("{\"id\":42}"));

        Claim again = claims.claim(new KeyScope("team-a", "ci"), "k1", "fp");

        assertThat(again).isInstanceOf(Claim.Replay.class);
        StoredAnswer answer = ((Claim.Replay) again).answer();
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.location()).isEqualTo("/api/v1/imports/42");
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":42}");
    }

    @Test
    void refusesAnotherRequestWithTheKeyWith422WhetherRunningOrDone() {
        Claim.Acquired first = (Claim.Acquired) claims.claim(new KeyScope("team-a", "ci"), "k1", "fp");
        assertThat(refusal(claims.claim(new KeyScope("team-a", "ci"), "k1", "other")))
                .isEqualTo(ProblemType.UNPROCESSABLE);

        claims.settle(first, created("{}"));
        assertThat(refusal(claims.claim(new KeyScope("team-a", "ci"), "k1", "other")))
                .isEqualTo(ProblemType.UNPROCESSABLE);
    }

    @Test
    void scopesKeysToTheirTeam() {
        claims.claim(new KeyScope("team-a", "ci"), "k1", "fp");

        assertThat(claims.claim(new KeyScope("team-b", "ci"), "k1", "other")).isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void releasesTheKeyForAnAnswerNotWorthRemembering() {
        Claim.Acquired first = (Claim.Acquired) claims.claim(new KeyScope("team-a", "ci"), "k1", "fp");

        claims.settle(first, new StoredAnswer(400, "application/problem+json", null, new byte[0]));

        assertThat(h2.rows()).isZero();
        assertThat(claims.claim(new KeyScope("team-a", "ci"), "k1", "another body"))
                .isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void storesAnEmptyBodyAsEmpty() {
        Claim.Acquired first = (Claim.Acquired) claims.claim(new KeyScope("team-a", "ci"), "k1", "fp");
        claims.settle(first, new StoredAnswer(204, null, null, new byte[0]));

        StoredAnswer answer = ((Claim.Replay) claims.claim(new KeyScope("team-a", "ci"), "k1", "fp")).answer();

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.contentType()).isNull();
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void runsAnExpiredKeyAfresh() {
        claims.settle((Claim.Acquired) claims.claim(new KeyScope("team-a", "ci"), "k1", "fp"), created("{}"));

        h2.clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(claims.claim(new KeyScope("team-a", "ci"), "k1", "fp")).isInstanceOf(Claim.Replay.class);

        h2.clock.advance(Duration.ofSeconds(1));
        assertThat(claims.claim(new KeyScope("team-a", "ci"), "k1", "other")).isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void takesOverAKeyAbandonedPastTheInFlightTimeoutAndIgnoresItsFormerHolder() {
        Claim.Acquired abandoned = (Claim.Acquired) claims.claim(new KeyScope("team-a", "ci"), "k1", "fp");
        h2.clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(refusal(claims.claim(new KeyScope("team-a", "ci"), "k1", "fp")))
                .isEqualTo(ProblemType.CONFLICT);

        h2.clock.advance(Duration.ofSeconds(1));
        Claim successor = claims.claim(new KeyScope("team-a", "ci"), "k1", "fp");

        assertThat(successor).isInstanceOf(Claim.Acquired.class);
        claims.settle(abandoned, created("{\"from\":\"abandoned\"}"));
        claims.release(abandoned);
        assertThat(refusal(claims.claim(new KeyScope("team-a", "ci"), "k1", "fp")))
                .isEqualTo(ProblemType.CONFLICT);
        claims.settle((Claim.Acquired) successor, created("{\"from\":\"successor\"}"));
        StoredAnswer answer = ((Claim.Replay) claims.claim(new KeyScope("team-a", "ci"), "k1", "fp")).answer();
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"from\":\"successor\"}");
    }

    @Test
    void answers503WhenTheStoreIsUnreachable() {
        DataSource absent = new DriverManagerDataSource("jdbc:h2:mem:absent;IFEXISTS=TRUE");
        JdbcClient unreachable = JdbcClient.create(absent);
        IdempotencyClaims offline = new IdempotencyClaims(
                new IdempotencyStore(unreachable, new StatementPipeline(absent)), h2.clock, H2Store.PROPERTIES);

        assertThatExceptionOfType(ProblemException.class)
                .isThrownBy(() -> offline.claim(new KeyScope("team-a", "ci"), "k1", "fp"))
                .satisfies(problem -> {
                    assertThat(problem.problemType().status().value()).isEqualTo(503);
                    assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(5));
                });
    }

    @Test
    void sendsTheAnswerEvenWhenTheStoreFailsAfterTheRequestRan() {
        DataSource absent = new DriverManagerDataSource("jdbc:h2:mem:absent;IFEXISTS=TRUE");
        JdbcClient unreachable = JdbcClient.create(absent);
        IdempotencyClaims offline = new IdempotencyClaims(
                new IdempotencyStore(unreachable, new StatementPipeline(absent)), h2.clock, H2Store.PROPERTIES);
        Claim.Acquired claim = new Claim.Acquired(new KeyScope("team-a", "ci"), "k1", UUID.randomUUID());

        assertThatNoException().isThrownBy(() -> {
            offline.settle(claim, created("{}"));
            offline.settle(claim, new StoredAnswer(400, null, null, new byte[0]));
            offline.release(claim);
        });
    }
}
