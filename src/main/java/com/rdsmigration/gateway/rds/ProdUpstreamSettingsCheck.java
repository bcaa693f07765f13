package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.settings.MissingSetting;
import com.rdsmigration.gateway.settings.ProdSettingsRule;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Profile {@code prod} needs credentials for its upstream, unless that upstream is the embedded simulator. Checked on
 * the environment, with the other {@code prod} settings, so that a gateway started with nothing set names its missing
 * credentials together with everything else.
 */
class ProdUpstreamSettingsCheck implements ProdSettingsRule {

    @Override
    public List<MissingSetting> missing(ConfigurableEnvironment environment) {
        Binder binder = Binder.get(environment);
        // The binder leaves ${local.server.port} as it is; the environment would refuse to resolve it this early.
        String endpoint = binder.bind("rds.endpoint", String.class).orElse("https://rds.aliyuncs.com/");
        if (EmbeddedSimulator.isUpstream(endpoint, environment)) {
            return List.of();
        }
        RdsProperties.Auth auth = binder.bind("rds.auth", RdsProperties.Auth.class)
                .orElseGet(() -> new RdsProperties.Auth(
                        RdsProperties.AuthType.SIGNATURE, RdsProperties.SignatureVersion.V3, null, null, null, null));
        return RdsAuthenticators.missingCredentials(auth, environment).stream().toList();
    }
}
