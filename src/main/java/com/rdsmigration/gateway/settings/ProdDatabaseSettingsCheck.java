package com.rdsmigration.gateway.settings;

import java.util.List;
import org.springframework.core.env.ConfigurableEnvironment;

/** Profile {@code prod} runs on its PostgreSQL, never on a fallback embedded database. */
class ProdDatabaseSettingsCheck implements ProdSettingsRule {

    static final String DATASOURCE_URL = "spring.datasource.url";

    @Override
    public List<MissingSetting> missing(ConfigurableEnvironment environment) {
        String url = environment.getProperty(DATASOURCE_URL, "").trim();
        if (url.isEmpty()) {
            return List.of(new MissingSetting(
                    DATASOURCE_URL,
                    "profile 'prod' needs a PostgreSQL database and none is configured.",
                    "Set SPRING_DATASOURCE_URL (e.g. jdbc:postgresql://db:5432/gateway), SPRING_DATASOURCE_USERNAME"
                            + " and SPRING_DATASOURCE_PASSWORD."));
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            return List.of(new MissingSetting(
                    DATASOURCE_URL,
                    "profile 'prod' runs on PostgreSQL only, and the configured URL is not a jdbc:postgresql: URL.",
                    "Point SPRING_DATASOURCE_URL at a PostgreSQL database."));
        }
        return List.of();
    }
}
