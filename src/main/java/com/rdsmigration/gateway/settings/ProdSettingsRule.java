package com.rdsmigration.gateway.settings;

import java.util.List;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * What one module requires of profile {@code prod}'s configuration. Each module lists its rule in
 * {@code META-INF/spring.factories} under this interface's name; {@link ProdSettingsCheck} runs them all on the
 * environment, before any bean is built, and stops start-up naming everything that is missing at once.
 */
@FunctionalInterface
public interface ProdSettingsRule {

    /** The settings missing or unusable in {@code environment}, which has profile {@code prod} active; none if fine. */
    List<MissingSetting> missing(ConfigurableEnvironment environment);
}
