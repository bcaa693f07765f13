package com.rdsmigration.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.settings.MissingSettingException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.validation.FieldError;

/** The teams block is bound and checked at start-up: each bad setting stops it, naming the setting. */
class TeamsSettingsTests {

    static final String OWN_KEY_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({TeamsProperties.class, SecurityProperties.class})
    @Import(TeamsConfiguration.class)
    static class TeamsOnly {}

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(TeamsOnly.class);

    @Test
    void bindsEachTeamsOwnershipAndLimits() {
        runner.withPropertyValues(
                        "gateway.teams.payments.instances[0]=rm-pay-*",
                        "gateway.teams.payments.instances[1]=pgm-bp1xyz",
                        "gateway.teams.payments.resource-groups[0]=rg-acfm2pay",
                        "gateway.teams.payments.rate-limit.burst=7",
                        "gateway.teams.payments.monthly-requests=5000",
                        "gateway.teams.payments.daily-task-share=0.25")
                .run(context -> {
                    TeamSettings payments =
                            context.getBean(Teams.class).of("payments").orElseThrow();
                    assertThat(payments.listsInstance("rm-pay-1")).isTrue();
                    assertThat(payments.listsInstance("pgm-bp1xyz")).isTrue();
                    assertThat(payments.listsInstance("pgm-bp1xy"))
                            .as("an exact id is not a prefix")
                            .isFalse();
                    assertThat(payments.listsInstance("rm-pa")).isFalse();
                    assertThat(payments.resourceGroups()).containsExactly("rg-acfm2pay");
                    assertThat(payments.rateLimit().burst()).isEqualTo(7);
                    assertThat(payments.rateLimit().requestsPerSecond()).isNull();
                    assertThat(payments.monthlyRequests()).isEqualTo(5000L);
                    assertThat(payments.dailyTaskShare()).isEqualTo(0.25);
                    assertThat(context.getBean(Teams.class).of("nobody")).isEmpty();
                });
    }

    @Test
    void refusesAShareOutsideZeroToOne() {
        assertFailsNaming("gateway.teams[payments].dailyTaskShare", "gateway.teams.payments.daily-task-share=1.5");
        assertFailsNaming("gateway.teams[payments].dailyTaskShare", "gateway.teams.payments.daily-task-share=-0.1");
    }

    @Test
    void refusesAnEmptyOrBarePattern() {
        assertFailsNaming("gateway.teams[payments].instances[0]", "gateway.teams.payments.instances[0]=");
        assertFailsNaming("gateway.teams[payments].instances[0]", "gateway.teams.payments.instances[0]=*");
        assertFailsNaming("gateway.teams[payments].instances[0]", "gateway.teams.payments.instances[0]=rm-*-prod");
        assertFailsNaming("gateway.teams[payments].resourceGroups[0]", "gateway.teams.payments.resource-groups[0]=");
    }

    @Test
    void refusesAnApiKeyOfATeamWithoutABlock() {
        runner.withPropertyValues(
                        "gateway.teams.payments.instances[0]=rm-pay-*",
                        "gateway.security.api-keys[0].team=payments",
                        "gateway.security.api-keys[0].key-sha256=" + OWN_KEY_HASH,
                        "gateway.security.api-keys[1].name=ci of billing",
                        "gateway.security.api-keys[1].team=billing",
                        "gateway.security.api-keys[1].key-sha256=" + OWN_KEY_HASH)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(MissingSettingException.class)
                            .hasMessageContaining("'gateway.teams.billing'")
                            .hasMessageContaining("gateway.security.api-keys[1] (ci of billing)");
                });
    }

    @Test
    void anAdminKeyNeedsNoBlock() {
        runner.withPropertyValues(
                        "gateway.security.api-keys[0].team=platform",
                        "gateway.security.api-keys[0].key-sha256=" + OWN_KEY_HASH,
                        "gateway.security.api-keys[0].admin=true")
                .run(context -> assertThat(context).hasNotFailed());
    }

    void assertFailsNaming(String setting, String property) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            BindValidationException invalid = findCause(failure, BindValidationException.class);
            assertThat(invalid).as(property).isNotNull();
            assertThat(invalid.getValidationErrors().getAllErrors().stream()
                            .filter(FieldError.class::isInstance)
                            .map(error ->
                                    invalid.getValidationErrors().getName() + "." + ((FieldError) error).getField()))
                    .as("the settings the failure names")
                    .contains(setting);
        });
    }

    static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
