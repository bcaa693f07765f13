package com.rdsmigration.gateway.settings;

import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Stops profile {@code prod} before anything is built when its configuration is incomplete, naming every missing
 * setting in one report: an operator who starts the image with nothing set learns all of it from the first failed
 * start, not one setting per restart. The rules come from the modules ({@link ProdSettingsRule}), in the order
 * {@code spring.factories} lists them, the database's first.
 */
class ProdSettingsCheck implements EnvironmentPostProcessor, Ordered {

    private final List<ProdSettingsRule> rules;

    ProdSettingsCheck() {
        this(SpringFactoriesLoader.forDefaultResourceLocation(ProdSettingsCheck.class.getClassLoader())
                .load(ProdSettingsRule.class));
    }

    ProdSettingsCheck(List<ProdSettingsRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<MissingSetting> missing = rules.stream()
                .flatMap(rule -> rule.missing(environment).stream())
                .toList();
        if (!missing.isEmpty()) {
            throw new MissingSettingException(missing);
        }
    }

    /** After the configuration data is loaded (profiles included), with the other post-processors of the gateway. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
