package com.rdsmigration.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.RdsMigrationGatewayApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Profile {@code prod} refuses to start without its PostgreSQL, with the public demo keys, with no way for anyone to
 * call it, or with JWT callers whose issuer or audience is not configured, naming the setting in one line.
 */
class ProdProfileTests {

    /** Passes the database check; nothing connects to it, as the refusals come before any bean is built. */
    static final String POSTGRES_URL = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unused";

    @Test
    void refusesToStartWithoutADatasource() {
        assertThatThrownBy(() -> start("--spring.main.web-application-type=none"))
                .isInstanceOf(MissingSettingException.class)
                .hasMessage("Missing required setting 'spring.datasource.url': "
                        + "profile 'prod' needs a PostgreSQL database and none is configured.");
    }

    @Test
    void refusesAnEmbeddedDatabase() {
        assertThatThrownBy(() -> start("--spring.datasource.url=jdbc:h2:mem:x"))
                .isInstanceOf(MissingSettingException.class)
                .hasMessageContaining("'spring.datasource.url'")
                .hasMessageContaining("PostgreSQL only");
    }

    @Test
    void refusesTheDemoApiKeys() {
        assertThatThrownBy(() -> start(
                        POSTGRES_URL,
                        "--gateway.security.api-keys[0].team=team-a",
                        "--gateway.security.api-keys[0].key-sha256="
                                + "5D524266101AE10AEF5113491D52F013FBE81EB0F489FB0ADF8C819196DE8307"))
                .isInstanceOf(MissingSettingException.class)
                .hasMessage("Missing required setting 'gateway.security.api-keys': profile 'prod' refuses the public"
                        + " demo API keys (demo-team-a-key, demo-team-b-key, demo-admin-key).");
    }

    @Test
    void refusesToStartWithNoCallerConfigured() {
        assertThatThrownBy(() -> start(POSTGRES_URL))
                .isInstanceOf(MissingSettingException.class)
                .hasMessageStartingWith(
                        "Missing required setting 'gateway.security.api-keys': profile 'prod' has no" + " caller")
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                .hasMessageContaining("jwk-set-uri")
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusesJwtCallersWithoutAnAudience() {
        assertThatThrownBy(() -> start(
                        POSTGRES_URL,
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://sso.example.com/realms/ops"))
                .isInstanceOf(MissingSettingException.class)
                .hasMessageStartingWith(
                        "Missing required setting 'spring.security.oauth2.resourceserver.jwt.audiences':"
                                + " profile 'prod' accepts a JWT only from your identity provider's issuer and for this"
                                + " gateway's audience")
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusesJwtCallersFromAJwkSetAloneNamingTheIssuerAndTheAudience() {
        assertThatThrownBy(() -> start(
                        POSTGRES_URL,
                        "--gateway.security.api-keys[0].team=team-a",
                        "--gateway.security.api-keys[0].key-sha256=" + "9".repeat(64),
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://sso.example.com/jwks"))
                .isInstanceOf(MissingSettingException.class)
                .hasMessageStartingWith(
                        "Missing required settings 'spring.security.oauth2.resourceserver.jwt.issuer-uri',"
                                + " 'spring.security.oauth2.resourceserver.jwt.audiences': profile 'prod'");
    }

    @Test
    void reportsTheMissingSettingAsAOneLineAnalysis() {
        MissingSettingException missing = new MissingSettingException("spring.datasource.url", "none set.", "Set it.");
        FailureAnalysis analysis = new MissingSettingFailureAnalyzer().analyze(new RuntimeException(missing));

        assertThat(analysis.getDescription()).isEqualTo("Missing required setting 'spring.datasource.url': none set.");
        assertThat(analysis.getDescription()).doesNotContain("\n");
        assertThat(analysis.getAction()).isEqualTo("Set it.");
    }

    private static void start(String... args) {
        new SpringApplicationBuilder(RdsMigrationGatewayApplication.class)
                .profiles("prod")
                .run(args)
                .close();
    }
}
