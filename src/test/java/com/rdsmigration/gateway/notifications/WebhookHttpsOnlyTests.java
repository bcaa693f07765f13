package com.rdsmigration.gateway.notifications;

import static com.rdsmigration.gateway.support.GatewayApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.IntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A gateway configured as in production: https only, and only the listed hosts (none on this machine). */
@IntegrationTest
@TestPropertySource(
        properties = {
            "gateway.webhooks.allow-http=false",
            "gateway.webhooks.allowed-hosts=hooks.example.com,*.hooks.example.net"
        })
class WebhookHttpsOnlyTests {

    @LocalServerPort
    int port;

    @Test
    void refusesHttpAndHostsNotListedExactlyAndAcceptsHttpsOnAListedHost() {
        GatewayApi teamA = new GatewayApi(port, GatewayApi.TEAM_A);

        assertRefused(teamA.post("/api/v1/webhooks", "{\"url\":\"http://hooks.example.com/rds\"}"), "must use https");
        assertRefused(teamA.post("/api/v1/webhooks", "{\"url\":\"https://127.0.0.1/rds\"}"), "not allowed");
        assertRefused(teamA.post("/api/v1/webhooks", "{\"url\":\"https://localhost/rds\"}"), "not allowed");
        assertRefused(teamA.post("/api/v1/webhooks", "{\"url\":\"https://169.254.169.254/\"}"), "not allowed");
        HttpResponse<String> created = teamA.post("/api/v1/webhooks", "{\"url\":\"https://hooks.example.com/rds\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(teamA.delete("/api/v1/webhooks/" + json(created).path("id").asString())
                        .statusCode())
                .isEqualTo(204);
    }

    static void assertRefused(HttpResponse<String> answer, String reason) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(json(answer).path("errors").get(0).path("field").asString()).isEqualTo("url");
        assertThat(json(answer).path("errors").get(0).path("message").asString())
                .contains(reason);
    }
}
