package com.rdsmigration.gateway.guided;

import com.rdsmigration.gateway.settings.MissingSetting;
import com.rdsmigration.gateway.settings.ProdSettingsRule;
import java.util.List;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Profile {@code prod} seals guided migrations' source passwords with a key of its own: with the public demo key,
 * anyone who reads the guided migrations table could open the passwords it holds until their migrations start.
 */
class ProdSourcePasswordKeyCheck implements ProdSettingsRule {

    static final String KEY = "gateway.guided.source-password-key";

    @Override
    public List<MissingSetting> missing(ConfigurableEnvironment environment) {
        String key = environment.getProperty(KEY, "").trim();
        if (!key.isEmpty() && !GuidedConfiguration.DEVELOPMENT_KEY.equals(key)) {
            return List.of();
        }
        return List.of(new MissingSetting(
                KEY,
                key.isEmpty()
                        ? "profile 'prod' needs a key to seal the source passwords of guided migrations."
                        : "profile 'prod' refuses the public demo key for the source passwords of guided migrations.",
                "Set GATEWAY_GUIDED_SOURCEPASSWORDKEY to 32 random bytes in base64 (openssl rand -base64 32), the"
                        + " same on every replica."));
    }
}
