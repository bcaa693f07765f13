package com.rdsmigration.gateway.guided;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Drives guided migrations in tests: creates them through the API, and moves the clock (past the simulator's stage
 * duration and the gateway's staleness limit) and the driver one round at a time, as the replica leading the tracking
 * does every second.
 */
final class GuidedMigrations {

    /** Past both the simulator's stage duration (5 s) and the gateway's staleness limit (10 s). */
    static final Duration ROUND = Duration.ofSeconds(11);

    static final String PASSWORD = "Gu1ded-secret!";

    private final GatewayApi api;
    private final MutableClock clock;
    private final GuidedMigrationDriver driver;

    GuidedMigrations(GatewayApi api, MutableClock clock, GuidedMigrationDriver driver) {
        this.api = api;
        this.clock = clock;
        this.driver = driver;
    }

    static String body(String target, String cutover) {
        return "{\"targetInstanceId\":\"" + target + "\",\"source\":{\"host\":\"172.16.0.10\",\"port\":5432,"
                + "\"account\":\"migratetest\",\"password\":\"" + PASSWORD + "\",\"category\":\"ecsOnVpc\"}"
                + (cutover.isEmpty() ? "" : ",\"cutover\":" + cutover) + "}";
    }

    /** Creates one on a new instance of the API's team; answers it as created (201). */
    JsonNode create(String cutover) {
        HttpResponse<String> created =
                api.post("/api/v1/guided-migrations", body(GatewayApi.newInstance("pgm", api.team()), cutover));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(PASSWORD);
        return json(created);
    }

    JsonNode get(String id) {
        HttpResponse<String> read = api.get("/api/v1/guided-migrations/" + id);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return json(read);
    }

    /** Moves the clock a round on and runs the driver, until {@code status} or at most {@code rounds} rounds. */
    JsonNode driveUntil(String id, String status, int rounds) {
        JsonNode guided = get(id);
        for (int i = 0; i < rounds && !status.equals(guided.path("status").asString()); i++) {
            clock.advance(ROUND);
            driver.driveAll();
            guided = get(id);
        }
        assertThat(guided.path("status").asString()).as(guided.toString()).isEqualTo(status);
        return guided;
    }

    static List<String> statuses(JsonNode guided) {
        List<String> statuses = new ArrayList<>();
        guided.path("history")
                .forEach(entry -> statuses.add(entry.path("status").asString()));
        return statuses;
    }

    static List<String> blockers(JsonNode guided) {
        List<String> codes = new ArrayList<>();
        guided.path("blockers")
                .forEach(blocker -> codes.add(blocker.path("code").asString()));
        return codes;
    }
}
