package com.rdsmigration.gateway.system;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Stops the {@code prod} profile before anything is built when its database is not configured, rather than letting
 * it fall back to an embedded one. Runs on the environment, so the reason is one line naming the setting.
 */
class ProdProfileSettingsCheck implements EnvironmentPostProcessor, Ordered {

    static final String DATASOURCE_URL = "spring.datasource.url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        String url = environment.getProperty(DATASOURCE_URL, "").trim();
        if (url.isEmpty()) {
            throw new MissingSettingException(
                    DATASOURCE_URL,
                    "profile 'prod' needs a PostgreSQL database and none is configured.",
                    "Set SPRING_DATASOURCE_URL (e.g. jdbc:postgresql://db:5432/gateway), SPRING_DATASOURCE_USERNAME"
                            + " and SPRING_DATASOURCE_PASSWORD.");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new MissingSettingException(
                    DATASOURCE_URL,
                    "profile 'prod' runs on PostgreSQL only, and the configured URL is not a jdbc:postgresql: URL.",
                    "Point SPRING_DATASOURCE_URL at a PostgreSQL database.");
        }
    }

    /** Before the other modules' {@code prod} checks, so a missing database is the first thing reported. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
