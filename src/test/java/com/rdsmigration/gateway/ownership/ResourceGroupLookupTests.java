package com.rdsmigration.gateway.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * However many requests name an instance whose group the gateway does not know yet, the group is read upstream once:
 * the first request reads it, the others wait for that read.
 */
@IntegrationTest
class ResourceGroupLookupTests {

    static final int CREATES = 100;

    @LocalServerPort
    int port;

    @Test
    void aHundredConcurrentCreatesOnOneUncachedInstanceReadItsGroupOnce() {
        GatewayApi teamA = new GatewayApi(port, GatewayApi.TEAM_A);
        GatewayApi admin = teamA.as(GatewayApi.ADMIN);
        String instance = GatewayApi.newInstance("pgm", "grouped");
        admin.putInstance(instance, "{\"resourceGroupId\":\"rg-team-a\"}");
        String body = InstanceOwnershipTests.precheckBody(instance, "");
        long reads = admin.upstreamCalls("DescribeDBInstanceAttribute");

        List<HttpResponse<String>> answers = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(CREATES);
        try {
            List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < CREATES; i++) {
                pending.add(CompletableFuture.supplyAsync(
                        () -> teamA.post("/api/v1/cloud-migration-prechecks", body), callers));
            }
            pending.forEach(answer -> answers.add(answer.join()));
        } finally {
            callers.shutdownNow();
        }

        assertThat(admin.upstreamCalls("DescribeDBInstanceAttribute"))
                .as("reads of the instance's group")
                .isEqualTo(reads + 1);
        assertThat(answers)
                .as("no create was refused for ownership")
                .noneMatch(answer -> answer.statusCode() == 403 || answer.body().contains("ownership-unknown"));
        assertThat(answers.stream().filter(answer -> answer.statusCode() == 201))
                .as("created (the rest, if any, only by the write bulkhead on a loaded machine)")
                .isNotEmpty();
        assertThat(answers)
                .allSatisfy(answer ->
                        assertThat(answer.statusCode()).as(answer.body()).isIn(201, 503));
    }
}
