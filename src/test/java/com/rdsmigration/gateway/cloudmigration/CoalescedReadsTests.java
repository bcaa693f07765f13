package com.rdsmigration.gateway.cloudmigration;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Ten dashboards and a CI job polling the same migrations cost the upstream one read per task: concurrent GETs of a
 * stale task share one upstream read, and GETs within the staleness window are served from the store.
 */
@IntegrationTest
class CoalescedReadsTests {

    static final String DESCRIBE = "DescribeCloudMigrationResult";
    static final int TASKS = 20;
    static final int GETS = 1_000;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Test
    void aThousandConcurrentGetsOfTwentyStaleMigrationsReadEachFromUpstreamOnce() throws Exception {
        GatewayApi teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        List<String> ids = migrations(teamA, TASKS);
        clock.advance(Duration.ofSeconds(11)); // every migration is now older than the staleness limit
        long before = teamA.upstreamCalls(DESCRIBE);

        List<HttpResponse<String>> answers = getAtOnce(teamA, ids, GETS);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(answers)
                .allSatisfy(answer ->
                        assertThat(json(answer).path("stage").asString()).isEqualTo("startup"));
        assertThat(teamA.upstreamCalls(DESCRIBE) - before)
                .as("upstream reads for %s GETs of %s stale migrations", GETS, TASKS)
                .isLessThanOrEqualTo(TASKS);

        long afterFirstBurst = teamA.upstreamCalls(DESCRIBE);
        getAtOnce(teamA, ids, GETS);
        assertThat(teamA.upstreamCalls(DESCRIBE))
                .as("within the staleness window every GET is served from the store")
                .isEqualTo(afterFirstBurst);
    }

    /** {@code count} running migrations, each on an instance of its own after a passed precheck; their ids. */
    List<String> migrations(GatewayApi api, int count) {
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String target = GatewayApi.newInstance("pgm", "team-a");
            HttpResponse<String> precheck = api.post("/api/v1/cloud-migration-prechecks", body(target));
            assertThat(precheck.statusCode()).as(precheck.body()).isEqualTo(201);
            targets.add(target);
        }
        clock.advance(Duration.ofSeconds(5)); // the simulator's prechecks pass after one stage
        List<String> ids = new ArrayList<>();
        for (String target : targets) {
            HttpResponse<String> migration = api.post("/api/v1/cloud-migrations", body(target));
            assertThat(migration.statusCode()).as(migration.body()).isEqualTo(201);
            ids.add(json(migration).path("id").asString());
        }
        return ids;
    }

    /** Creates running migrations on the test gateway, each after a passed precheck on an instance of its own. */
    record Creator(int port, MutableClock clock) {

        String migration() {
            GatewayApi api = new GatewayApi(port, GatewayApi.TEAM_A);
            String target = GatewayApi.newInstance("pgm", "team-a");
            assertThat(api.post("/api/v1/cloud-migration-prechecks", body(target))
                            .statusCode())
                    .isEqualTo(201);
            clock.advance(Duration.ofSeconds(5)); // the simulator's prechecks pass after one stage
            HttpResponse<String> migration = api.post("/api/v1/cloud-migrations", body(target));
            assertThat(migration.statusCode()).as(migration.body()).isEqualTo(201);
            return json(migration).path("id").asString();
        }
    }

    static String body(String target) {
        return "{\"targetInstanceId\":\"" + target + "\",\"source\":{\"host\":\"172.16.0.10\",\"port\":5432,"
                + "\"account\":\"migratetest\",\"password\":\"coalesced-pw\",\"category\":\"ecsOnVpc\"}}";
    }

    /** {@code count} GETs sent together by 50 callers, round-robin over the migrations. */
    static List<HttpResponse<String>> getAtOnce(GatewayApi api, List<String> ids, int count) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(50);
        try {
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String path = "/api/v1/cloud-migrations/" + ids.get(i % ids.size());
                pending.add(callers.submit(() -> api.get(path)));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            callers.shutdownNow();
        }
    }
}
