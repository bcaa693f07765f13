package com.rdsmigration.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.rds.wire.RdsActions;
import com.rdsmigration.gateway.support.IntegrationTest;
import com.rdsmigration.gateway.support.MutableClock;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Creates sent at the same time from several threads each get their own id. */
@IntegrationTest
class SimulatorConcurrencyTests {

    static final int THREADS = 6;
    static final int CALLS_PER_THREAD = 8;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Test
    void givesConcurrentImportsAndPrechecksUniqueIds() throws Exception {
        SimulatorClient client = new SimulatorClient(port, clock);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String instance = "pgm-" + suffix;
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS * CALLS_PER_THREAD; i++) {
            int n = i;
            calls.add(() -> {
                HttpResponse<String> imported = client.v3(
                        RdsActions.IMPORT_DATABASE_BETWEEN_INSTANCES,
                        Map.of(
                                "DBInstanceId",
                                "rm-a" + suffix,
                                "SourceDBInstanceId",
                                "rm-b" + suffix,
                                "DBInfo",
                                "{\"DBNames\":[\"db" + n + "\"]}"));
                HttpResponse<String> prechecked = client.v3(
                        RdsActions.CREATE_CLOUD_MIGRATION_PRECHECK_TASK,
                        Map.of(
                                "DBInstanceName",
                                instance,
                                "SourceIpAddress",
                                "10.0.0." + (n % 250),
                                "SourcePort",
                                "5432",
                                "SourceAccount",
                                "a",
                                "SourcePassword",
                                "p",
                                "SourceCategory",
                                "ecsOnVpc"));
                return SimulatorClient.json(imported).path("ImportId").asString() + "/"
                        + SimulatorClient.json(prechecked).path("TaskId").asLong();
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<String> ids = new ArrayList<>();
        try {
            for (Future<String> result : pool.invokeAll(calls)) {
                ids.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(ids.stream().map(id -> id.split("/")[0]))
                .doesNotHaveDuplicates()
                .noneMatch(String::isEmpty);
        assertThat(ids.stream().map(id -> id.split("/")[1]))
                .doesNotHaveDuplicates()
                .doesNotContain("0");
        HttpResponse<String> listed = client.v3(
                RdsActions.DESCRIBE_CLOUD_MIGRATION_PRECHECK_RESULT,
                Map.of("DBInstanceName", instance, "PageSize", "100"));
        assertThat(SimulatorClient.json(listed).path("TotalSize").asInt()).isEqualTo(THREADS * CALLS_PER_THREAD);
    }
}
