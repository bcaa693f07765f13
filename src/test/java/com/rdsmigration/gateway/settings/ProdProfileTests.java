package com.rdsmigration.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.RdsMigrationGatewayApplication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/**
 * Profile {@code prod} refuses to start without its PostgreSQL, with the public demo keys, with no way for anyone to
 * call it, or with JWT callers whose issuer or audience is not configured, naming the setting; with several settings
 * missing it names every one of them in the same report.
 */
class ProdProfileTests {

    /**
     * Everything prod needs, each test taking one thing away. The database passes the check (nothing connects to it: the
     * refusals come before any bean is built), and the upstream is the embedded simulator, which needs no credentials.
     */
    static Map<String, String> complete() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/unused");
        settings.put("gateway.security.api-keys[0].team", "team-a");
        settings.put("gateway.security.api-keys[0].key-sha256", "9".repeat(64));
        settings.put("gateway.webhooks.signing-secret", "a-webhook-secret-of-this-deployment");
        settings.put("gateway.idempotency.fingerprint-secret", "a-fingerprint-secret-of-this-deployment");
        settings.put("gateway.guided.source-password-key", "USvn5RuKkyrjSyj14Po4FfoMbQXpGtRvinotfRdkaZA=");
        settings.put("rds.simulator.enabled", "true");
        settings.put("rds.endpoint", "http://127.0.0.1:8080/");
        return settings;
    }

    @Test
    void refusesToStartWithoutADatasource() {
        Map<String, String> settings = complete();
        settings.remove("spring.datasource.url");

        assertThatThrownBy(() -> start(settings))
                .isInstanceOf(MissingSettingException.class)
                .hasMessage("Missing required setting 'spring.datasource.url': "
                        + "profile 'prod' needs a PostgreSQL database and none is configured.");
    }

    @Test
    void refusesAnEmbeddedDatabase() {
        Map<String, String> settings = complete();
        settings.put("spring.datasource.url", "jdbc:h2:mem:x");

        assertThatThrownBy(() -> start(settings))
                .isInstanceOf(MissingSettingException.class)
                .hasMessageContaining("'spring.datasource.url'")
                .hasMessageContaining("PostgreSQL only");
    }

    @Test
    void refusesTheDemoApiKeys() {
        Map<String, String> settings = complete();
        settings.put(
                "gateway.security.api-keys[0].key-sha256",
                "5D524266101AE10AEF5113491D52F013FBE81EB0F489FB0ADF8C819196DE8307");

        assertThatThrownBy(() -> start(settings))
                .isInstanceOf(MissingSettingException.class)
                .hasMessage(
                        "Missing required setting 'gateway.security.api-keys': profile 'prod' refuses the public"
                                + " demo API keys (demo-team-a-key, demo-team-a-reviewer-key, demo-team-b-key, demo-admin-key).");
    }

    @Test
    void refusesToStartWithNoCallerConfigured() {
        Map<String, String> settings = complete();
        settings.remove("gateway.security.api-keys[0].team");
        settings.remove("gateway.security.api-keys[0].key-sha256");

        assertThatThrownBy(() -> start(settings))
                .isInstanceOf(MissingSettingException.class)
                .hasMessageStartingWith(
                        "Missing required setting 'gateway.security.api-keys': profile 'prod' has no" + " caller")
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                .hasMessageContaining("jwk-set-uri")
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusesJwtCallersWithoutAnAudience() {
        Map<String, String> settings = complete();
        settings.remove("gateway.security.api-keys[0].team");
        settings.remove("gateway.security.api-keys[0].key-sha256");
        settings.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://sso.example.com/realms/ops");

        assertThatThrownBy(() -> start(settings))
                .isInstanceOf(MissingSettingException.class)
                .hasMessageStartingWith(
                        "Missing required setting 'spring.security.oauth2.resourceserver.jwt.audiences':"
                                + " profile 'prod' accepts a JWT only from your identity provider's issuer and for this"
                                + " gateway's audience")
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusesJwtCallersFromAJwkSetAloneNamingTheIssuerAndTheAudience() {
        Map<String, String> settings = complete();
        settings.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://sso.example.com/jwks");

        assertThatThrownBy(() -> start(settings))
                .isInstanceOf(MissingSettingException.class)
                .hasMessageStartingWith(
                        "Missing required settings 'spring.security.oauth2.resourceserver.jwt.issuer-uri',"
                                + " 'spring.security.oauth2.resourceserver.jwt.audiences': profile 'prod'");
    }

    /** The image's first start with nothing set: one report, one line per missing setting, how to set each. */
    @Test
    void namesEveryMissingSettingAtOnce() {
        Map<String, String> settings = complete();
        settings.keySet().removeIf(name -> !name.startsWith("rds."));

        assertThatThrownBy(() -> start(settings)).isInstanceOfSatisfying(MissingSettingException.class, missing -> {
            assertThat(missing.missing())
                    .flatExtracting(MissingSetting::settings)
                    .containsExactly(
                            "spring.datasource.url",
                            "gateway.security.api-keys",
                            "gateway.webhooks.signing-secret",
                            "gateway.idempotency.fingerprint-secret",
                            "gateway.guided.source-password-key");
            assertThat(missing.getMessage().lines())
                    .first()
                    .isEqualTo("Missing required settings 'spring.datasource.url', 'gateway.security.api-keys',"
                            + " 'gateway.webhooks.signing-secret', 'gateway.idempotency.fingerprint-secret',"
                            + " 'gateway.guided.source-password-key':");
            assertThat(missing.getMessage().lines()).hasSize(6);
            assertThat(missing.action().lines())
                    .hasSize(5)
                    .anyMatch(line -> line.contains("SPRING_DATASOURCE_URL"))
                    .anyMatch(line -> line.contains("GATEWAY_SECURITY_APIKEYS_0_KEYSHA256"))
                    .anyMatch(line -> line.contains("GATEWAY_WEBHOOKS_SIGNINGSECRET"))
                    .anyMatch(line -> line.contains("GATEWAY_IDEMPOTENCY_FINGERPRINTSECRET"))
                    .anyMatch(line -> line.contains("GATEWAY_GUIDED_SOURCEPASSWORDKEY"));
        });
    }

    @Test
    void refusesThePublicDemoFingerprintSecret() {
        Map<String, String> settings = complete();
        settings.put("gateway.idempotency.fingerprint-secret", "demo-only-fingerprint-secret");

        assertThatThrownBy(() -> start(settings))
                .isInstanceOf(MissingSettingException.class)
                .hasMessage("Missing required setting 'gateway.idempotency.fingerprint-secret': profile 'prod' refuses"
                        + " the public demo fingerprint secret: fingerprints cover source passwords.");
    }

    @Test
    void runsTheRulesInProfileProdOnly() {
        ProdSettingsCheck check = new ProdSettingsCheck(
                List.of(environment -> List.of(new MissingSetting("x.y", "always missing.", "Set X_Y."))));
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");

        assertThatCode(() -> check.postProcessEnvironment(new MockEnvironment(), new SpringApplication()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check.postProcessEnvironment(prod, new SpringApplication()))
                .isInstanceOf(MissingSettingException.class)
                .hasMessage("Missing required setting 'x.y': always missing.");
    }

    @Test
    void reportsTheMissingSettingAsAOneLineAnalysis() {
        MissingSettingException missing = new MissingSettingException("spring.datasource.url", "none set.", "Set it.");
        FailureAnalysis analysis = new MissingSettingFailureAnalyzer().analyze(new RuntimeException(missing));

        assertThat(analysis.getDescription()).isEqualTo("Missing required setting 'spring.datasource.url': none set.");
        assertThat(analysis.getDescription()).doesNotContain("\n");
        assertThat(analysis.getAction()).isEqualTo("Set it.");
    }

    @Test
    void reportsSeveralMissingSettingsOneLineEach() {
        MissingSettingException missing = new MissingSettingException(List.of(
                new MissingSetting("a.b", "none set.", "Set A_B."),
                new MissingSetting(List.of("c.d", "c.e"), "both needed.", "Set C_D and C_E.")));
        FailureAnalysis analysis = new MissingSettingFailureAnalyzer().analyze(new RuntimeException(missing));

        assertThat(analysis.getDescription())
                .isEqualTo("Missing required settings 'a.b', 'c.d', 'c.e':\n- 'a.b': none set.\n- 'c.d', 'c.e': both"
                        + " needed.");
        assertThat(analysis.getAction()).isEqualTo("- Set A_B.\n- Set C_D and C_E.");
        assertThat(missing.setting()).isEqualTo("a.b, c.d, c.e");
    }

    private static void start(Map<String, String> settings) {
        String[] args = settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
        new SpringApplicationBuilder(RdsMigrationGatewayApplication.class)
                .profiles("prod")
                .run(args)
                .close();
    }
}
