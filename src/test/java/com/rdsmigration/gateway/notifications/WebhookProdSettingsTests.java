package com.rdsmigration.gateway.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.RdsMigrationGatewayApplication;
import com.rdsmigration.gateway.settings.MissingSetting;
import com.rdsmigration.gateway.settings.MissingSettingException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** Profile {@code prod} needs its own webhook signing secret; the embedded default has a demo one. */
class WebhookProdSettingsTests {

    final ProdWebhookSettingsCheck check = new ProdWebhookSettingsCheck();

    @Test
    void prodRefusesToStartWithoutASigningSecret() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RdsMigrationGatewayApplication.class)
                        .profiles("prod")
                        .run(
                                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unused",
                                "--gateway.security.api-keys[0].team=team-a",
                                "--gateway.security.api-keys[0].key-sha256="
                                        + "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881",
                                "--gateway.idempotency.fingerprint-secret=a-secret-of-this-deployment",
                                "--gateway.guided.source-password-key=USvn5RuKkyrjSyj14Po4FfoMbQXpGtRvinotfRdkaZA=",
                                "--rds.simulator.enabled=true",
                                "--rds.endpoint=http://127.0.0.1:8080/")
                        .close())
                .isInstanceOf(MissingSettingException.class)
                .hasMessage("Missing required setting 'gateway.webhooks.signing-secret': profile 'prod' needs a secret"
                        + " to derive the webhook subscriptions' signing secrets from.");
    }

    @Test
    void prodRefusesThePublicDemoSigningSecret() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(ProdWebhookSettingsCheck.SIGNING_SECRET, WebhookConfiguration.DEMO_SECRET);
        environment.setActiveProfiles("prod");

        assertThat(check.missing(environment))
                .singleElement()
                .extracting(MissingSetting::reason)
                .asString()
                .contains("refuses the public demo webhook signing secret");
    }

    @Test
    void prodStartsPastTheCheckWithASigningSecret() {
        MockEnvironment environment =
                new MockEnvironment().withProperty(ProdWebhookSettingsCheck.SIGNING_SECRET, "s3cr3t");
        environment.setActiveProfiles("prod");

        assertThat(check.missing(environment)).isEmpty();
    }
}
