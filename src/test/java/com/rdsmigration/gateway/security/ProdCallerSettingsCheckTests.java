package com.rdsmigration.gateway.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.settings.MissingSetting;
import com.rdsmigration.gateway.settings.MissingSettingException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which caller settings profile {@code prod} accepts; ProdProfileTests shows the refusals on a real start-up. */
class ProdCallerSettingsCheckTests {

    static final String OWN_KEY_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    @Test
    void acceptsAJwtIssuerWithItsAudienceWithoutApiKeys() {
        assertThatCode(() -> check(prod().withProperty(JWT + "issuer-uri", "https://sso.example.com/realms/x")
                        .withProperty(JWT + "audiences", "rds-migration-gateway")))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(prod().withProperty(JWT + "jwk-set-uri", "https://sso.example.com/jwks")
                        .withProperty(JWT + "issuer-uri", "https://sso.example.com/realms/x")
                        .withProperty(JWT + "audiences[0]", "portal")
                        .withProperty(JWT + "audiences[1]", "rds-migration-gateway")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesJwtsWithoutAnAudienceOrAnIssuerHoweverTheKeysAreGiven() {
        for (String keys : new String[] {"issuer-uri", "jwk-set-uri", "public-key-location"}) {
            MockEnvironment withoutAudience = prod().withProperty(JWT + keys, "https://sso.example.com/x")
                    .withProperty(JWT + "issuer-uri", "https://sso.example.com/x")
                    .withProperty(JWT + "audiences", " ");
            assertThatThrownBy(() -> check(withoutAudience))
                    .as(keys)
                    .isInstanceOf(MissingSettingException.class)
                    .extracting(missing -> ((MissingSettingException) missing).setting())
                    .isEqualTo(JWT + "audiences");
        }
        MockEnvironment withoutIssuer = prod().withProperty(JWT + "public-key-location", "file:/etc/sso/key.pem")
                .withProperty(JWT + "audiences", "rds-migration-gateway");
        assertThatThrownBy(() -> check(withoutIssuer))
                .isInstanceOf(MissingSettingException.class)
                .extracting(missing -> ((MissingSettingException) missing).setting())
                .isEqualTo(JWT + "issuer-uri");
    }

    @Test
    void acceptsTheTeamsOwnKeys() {
        assertThatCode(() -> check(prod().withProperty("gateway.security.api-keys[0].team", "team-a")
                        .withProperty("gateway.security.api-keys[0].key-sha256", OWN_KEY_HASH)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesADemoKeyAmongOwnKeysEvenWithAJwtIssuer() {
        assertThatThrownBy(() -> check(prod().withProperty("gateway.security.api-keys[0].team", "team-a")
                        .withProperty("gateway.security.api-keys[0].key-sha256", OWN_KEY_HASH)
                        .withProperty("gateway.security.api-keys[1].team", "platform")
                        .withProperty("gateway.security.api-keys[1].key-sha256", ApiKeyRegistry.DEMO_KEY_HASHES.get(2))
                        .withProperty(JWT + "issuer-uri", "https://sso.example.com")
                        .withProperty(JWT + "audiences", "rds-migration-gateway")))
                .isInstanceOf(MissingSettingException.class)
                .hasMessageContaining("demo API keys");
    }

    private static MockEnvironment prod() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        return environment;
    }

    /** Throws as {@code ProdSettingsCheck} would with this rule alone. */
    private static void check(MockEnvironment environment) {
        List<MissingSetting> missing = new ProdCallerSettingsCheck().missing(environment);
        if (!missing.isEmpty()) {
            throw new MissingSettingException(missing);
        }
    }
}
