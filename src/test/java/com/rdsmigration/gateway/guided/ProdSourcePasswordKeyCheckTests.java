package com.rdsmigration.gateway.guided;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Which source-password keys profile {@code prod} accepts: none, or the public demo key, is named as missing with the
 * other prod settings (ProdProfileTests shows the report of a real start-up); a key of the deployment's own passes.
 */
class ProdSourcePasswordKeyCheckTests {

    /** The demo key application.yaml gives every profile but prod: public, so it seals nothing. */
    static final String DEMO_KEY = "ZGVtby1vbmx5LXNvdXJjZS1wYXNzd29yZC1rZXktMzI=";

    /** 32 random bytes of this test's own ({@code openssl rand -base64 32}). */
    static final String OWN_KEY = "USvn5RuKkyrjSyj14Po4FfoMbQXpGtRvinotfRdkaZA=";

    final ProdSourcePasswordKeyCheck check = new ProdSourcePasswordKeyCheck();

    @Test
    void namesTheKeyAndHowToMakeOneWhenNoneIsSet() {
        for (MockEnvironment environment :
                new MockEnvironment[] {prod(), prod().withProperty(ProdSourcePasswordKeyCheck.KEY, " ")}) {
            assertThat(check.missing(environment)).singleElement().satisfies(missing -> {
                assertThat(missing.settings()).containsExactly("gateway.guided.source-password-key");
                assertThat(missing.reason()).contains("needs a key to seal the source passwords");
                assertThat(missing.action()).contains("GATEWAY_GUIDED_SOURCEPASSWORDKEY", "openssl rand -base64 32");
            });
        }
    }

    @Test
    void refusesThePublicDemoKey() {
        assertThat(DEMO_KEY).isEqualTo(GuidedConfiguration.DEVELOPMENT_KEY);
        for (String demo : new String[] {DEMO_KEY, " " + DEMO_KEY + " "}) {
            assertThat(check.missing(prod().withProperty(ProdSourcePasswordKeyCheck.KEY, demo)))
                    .singleElement()
                    .satisfies(missing -> {
                        assertThat(missing.settings()).containsExactly("gateway.guided.source-password-key");
                        assertThat(missing.reason()).contains("refuses the public demo key");
                    });
        }
    }

    @Test
    void acceptsAKeyOfTheDeploymentsOwn() {
        assertThat(check.missing(prod().withProperty(ProdSourcePasswordKeyCheck.KEY, OWN_KEY)))
                .isEmpty();
    }

    private static MockEnvironment prod() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        return environment;
    }
}
