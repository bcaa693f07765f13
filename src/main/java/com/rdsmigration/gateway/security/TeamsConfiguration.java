package com.rdsmigration.gateway.security;

import com.rdsmigration.gateway.settings.MissingSettingException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds {@link Teams} once the block is bound, and refuses to start when a non-admin API key acts for a team without
 * a block: such a team would own nothing, and every call of its key would be refused at run time instead.
 */
@Configuration(proxyBeanMethods = false)
class TeamsConfiguration {

    @Bean
    Teams teams(TeamsProperties properties, SecurityProperties security) {
        List<SecurityProperties.ApiKey> keys = security.apiKeys();
        for (int i = 0; i < keys.size(); i++) {
            SecurityProperties.ApiKey key = keys.get(i);
            if (!key.admin() && !properties.teams().containsKey(key.team())) {
                throw new MissingSettingException(
                        "gateway.teams." + key.team(),
                        "the API key gateway.security.api-keys[" + i + "] (" + key.displayName() + ") acts for team '"
                                + key.team() + "', which has no block under gateway.teams.",
                        "Add gateway.teams." + key.team() + " with the instances or resource-groups the team owns,"
                                + " or correct the key's team.");
            }
        }
        return new Teams(properties.teams());
    }
}
