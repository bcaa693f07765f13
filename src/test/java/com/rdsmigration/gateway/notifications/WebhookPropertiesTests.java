package com.rdsmigration.gateway.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The webhook settings' defaults, and the bounds start-up holds them to. */
class WebhookPropertiesTests {

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    /** The settings as bound from these values, each {@code gateway.webhooks.*} key without its prefix. */
    static WebhookProperties bind(Map<String, String> values) {
        Map<String, String> prefixed = new HashMap<>();
        values.forEach((key, value) -> prefixed.put("gateway.webhooks." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("gateway.webhooks", WebhookProperties.class);
    }

    @Test
    void defaultsLeaveMostSendingSlotsToTeamsOtherThanABusyOne() {
        WebhookProperties properties = bind(Map.of());

        assertThat(properties.concurrency()).isEqualTo(8);
        assertThat(properties.teamConcurrency()).isEqualTo(2);
        assertThat(properties.batchSize()).isEqualTo(50);
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.toString()).contains("teamConcurrency=2");
    }

    @Test
    void refusesToStartWhenOneTeamMayTakeMoreThanAllSendingSlots() {
        runner.withPropertyValues("gateway.webhooks.concurrency=4", "gateway.webhooks.team-concurrency=5")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("team-concurrency must not exceed concurrency"));
        runner.withPropertyValues("gateway.webhooks.team-concurrency=0")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("gateway.webhooks.concurrency=4", "gateway.webhooks.team-concurrency=4")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @EnableConfigurationProperties(WebhookProperties.class)
    static class Settings {}
}
