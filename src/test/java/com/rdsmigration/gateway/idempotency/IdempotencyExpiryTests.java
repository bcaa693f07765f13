package com.rdsmigration.gateway.idempotency;

import static com.rdsmigration.gateway.idempotency.IdempotentImports.IMPORTS;
import static com.rdsmigration.gateway.idempotency.IdempotentImports.IMPORT_ACTION;
import static com.rdsmigration.gateway.idempotency.IdempotentImports.importBody;
import static com.rdsmigration.gateway.idempotency.IdempotentImports.newInstance;
import static com.rdsmigration.gateway.idempotency.IdempotentImports.newKey;
import static com.rdsmigration.gateway.idempotency.IdempotentImports.replayed;
import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Keys in time, on PostgreSQL: kept for the retention and then purged, and taken over once abandoned mid-request. */
@IntegrationTest
class IdempotencyExpiryTests {

    @LocalServerPort
    int port;

    @Autowired
    Fingerprint fingerprints;

    @Autowired
    MutableClock clock;

    @Autowired
    IdempotencyProperties properties;

    @Autowired
    IdempotencyStore store;

    @Autowired
    IdempotencyPurge purge;

    GatewayApi teamA;

    @BeforeEach
    void setUp() {
        teamA = new GatewayApi(port, GatewayApi.TEAM_A);
    }

    @Test
    void replaysThroughoutTheRetentionThenPurgesTheKeyAndRunsTheRequestAgain() {
        String body = importBody(newInstance(), newInstance());
        String key = newKey();
        long before = teamA.upstreamCalls(IMPORT_ACTION);
        HttpResponse<String> first = teamA.post(IMPORTS, body, key);
        assertThat(first.statusCode()).isEqualTo(201);

        clock.advance(properties.retention().minusSeconds(1));
        HttpResponse<String> lastReplay = teamA.post(IMPORTS, body, key);
        assertThat(replayed(lastReplay)).isTrue();
        assertThat(lastReplay.body()).isEqualTo(first.body());

        clock.advance(Duration.ofSeconds(1));
        assertThat(purge.purgeExpired()).isPositive();
        assertThat(store.find(new KeyScope("team-a", "demo key of team-a"), key))
                .isEmpty();

        HttpResponse<String> again = teamA.post(IMPORTS, body, key);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(replayed(again)).isFalse();
        assertThat(json(again).path("id")).isNotEqualTo(json(first).path("id"));
        assertThat(teamA.upstreamCalls(IMPORT_ACTION)).isEqualTo(before + 2);
        assertThat(store.find(new KeyScope("team-a", "demo key of team-a"), key))
                .hasValueSatisfying(row -> assertThat(row.completed()).isTrue());
    }

    @Test
    void takesOverAKeyWhoseRequestWasAbandonedMidFlight() {
        String body = importBody(newInstance(), newInstance());
        String key = newKey();
        String fingerprint = fingerprints.of("POST", IMPORTS, body.getBytes(StandardCharsets.UTF_8));
        store.insertInFlight(
                new KeyScope("team-a", "demo key of team-a"),
                key,
                fingerprint,
                UUID.randomUUID(),
                clock.instant(),
                clock.instant().plus(properties.retention()));
        long before = teamA.upstreamCalls(IMPORT_ACTION);

        HttpResponse<String> running = teamA.post(IMPORTS, body, key);
        assertThat(running.statusCode()).isEqualTo(409);
        assertThat(json(running).path("detail").asString()).contains("in progress");
        assertThat(running.headers().firstValue("Retry-After")).hasValue("1");

        clock.advance(properties.inFlightTimeout());
        HttpResponse<String> takenOver = teamA.post(IMPORTS, body, key);

        assertThat(takenOver.statusCode()).as(takenOver.body()).isEqualTo(201);
        assertThat(replayed(takenOver)).isFalse();
        assertThat(replayed(teamA.post(IMPORTS, body, key))).isTrue();
        assertThat(teamA.upstreamCalls(IMPORT_ACTION)).isEqualTo(before + 1);
    }
}
