package com.rdsmigration.gateway.rds;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.settings.MissingSetting;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Profile {@code prod} names its upstream's missing credentials with its other missing settings, before any bean is
 * built; the embedded simulator needs none. Assumes, as CI does, a machine without Alibaba Cloud credentials.
 */
class ProdUpstreamSettingsCheckTests {

    final ProdUpstreamSettingsCheck check = new ProdUpstreamSettingsCheck();

    @Test
    void namesTheDefaultChainsVariablesWhenAlibabaCloudHasNoCredentials() {
        assertThat(check.missing(prod().withProperty("rds.endpoint", "https://rds.aliyuncs.com/")))
                .singleElement()
                .satisfies(missing -> {
                    assertThat(missing.settings())
                            .containsExactly("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET");
                    assertThat(missing.action()).contains("ALIBABA_CLOUD_ROLE_ARN", "RDS_SIMULATOR_ENABLED");
                });
    }

    @Test
    void namesTheSecretOfAConfiguredKeyAndTheTokenOfBearerMode() {
        assertThat(check.missing(prod().withProperty("rds.auth.access-key-id", "LTAI-own")))
                .extracting(MissingSetting::settings)
                .containsExactly(List.of("rds.auth.access-key-secret"));
        assertThat(check.missing(prod().withProperty("rds.auth.type", "bearer")))
                .extracting(MissingSetting::settings)
                .containsExactly(List.of("rds.auth.bearer-token"));
        assertThat(check.missing(prod().withProperty("rds.auth.access-key-id", "LTAI-own")
                        .withProperty("rds.auth.access-key-secret", "own-secret")))
                .isEmpty();
    }

    @Test
    void theEmbeddedSimulatorNeedsNone() {
        assertThat(check.missing(prod().withProperty("rds.simulator.enabled", "true")
                        .withProperty("rds.endpoint", "http://127.0.0.1:${local.server.port}/")))
                .isEmpty();
        assertThat(check.missing(prod().withProperty("rds.simulator.enabled", "true")
                        .withProperty("server.port", "9090")
                        .withProperty("rds.endpoint", "http://localhost:9090/")))
                .isEmpty();
    }

    @Test
    void theSimulatorOnAnotherPortIsAnotherUpstream() {
        assertThat(check.missing(prod().withProperty("rds.simulator.enabled", "true")
                        .withProperty("rds.endpoint", "http://127.0.0.1:9999/")))
                .isNotEmpty();
    }

    private static MockEnvironment prod() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        return environment;
    }
}
