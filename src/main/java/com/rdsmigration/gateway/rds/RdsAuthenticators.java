package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.signing.AccessKeyCredentials;
import com.rdsmigration.gateway.rds.signing.NonceSource;
import com.rdsmigration.gateway.rds.signing.RequestSigner;
import com.rdsmigration.gateway.settings.MissingSetting;
import com.rdsmigration.gateway.settings.MissingSettingException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Picks the authenticator of {@code rds.auth.*} and its credentials: those configured there; else, while the upstream
 * is the embedded simulator, the simulator's ({@code rds.simulator.access-key-id}, {@code access-key-secret},
 * {@code bearer-token}); else the Alibaba Cloud default credential chain. Missing credentials stop start-up with a
 * message naming the settings, unless the upstream is the embedded simulator (in profile {@code prod}, before any bean
 * is built: {@link ProdUpstreamSettingsCheck}).
 */
final class RdsAuthenticators {

    private static final MissingSetting NO_SECRET = new MissingSetting(
            "rds.auth.access-key-secret",
            "rds.auth.access-key-id is set but its secret is not.",
            "Set RDS_AUTH_ACCESSKEYSECRET, or drop rds.auth.access-key-id to use the default credential chain.");

    private static final MissingSetting NO_BEARER = new MissingSetting(
            "rds.auth.bearer-token",
            "rds.auth.type is bearer and no token is configured.",
            "Set RDS_AUTH_BEARERTOKEN (or DASHSCOPE_API_KEY).");

    private RdsAuthenticators() {}

    static RdsAuthenticator create(
            RdsProperties.Auth configured,
            String endpoint,
            Environment environment,
            RequestSigner signer,
            Clock clock) {
        boolean embedded = EmbeddedSimulator.isUpstream(endpoint, environment);
        RdsProperties.Auth auth = embedded ? withSimulatorCredentials(configured, environment) : configured;
        if (!embedded) {
            missingCredentials(auth, environment).ifPresent(missing -> {
                throw new MissingSettingException(List.of(missing));
            });
        }
        if (auth.type() == RdsProperties.AuthType.BEARER) {
            return new BearerAuthenticator(() -> bearerToken(auth, environment), clock, NonceSource.random());
        }
        return new SignatureAuthenticator(signer, accessKeys(auth, environment), auth.signatureVersion());
    }

    /**
     * What an upstream other than the embedded simulator lacks to authenticate: a bearer token, the secret of a
     * configured key, or any credentials of the default chain (asked for them now, so a gateway without credentials
     * fails at start-up rather than at its first call).
     */
    static Optional<MissingSetting> missingCredentials(RdsProperties.Auth auth, Environment environment) {
        if (auth.type() == RdsProperties.AuthType.BEARER) {
            return configuredBearerToken(auth, environment).isPresent() ? Optional.empty() : Optional.of(NO_BEARER);
        }
        if (StringUtils.hasText(auth.accessKeyId())) {
            return StringUtils.hasText(auth.accessKeySecret()) ? Optional.empty() : Optional.of(NO_SECRET);
        }
        try {
            accessKeys(auth, environment).current();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(
                    new MissingSetting(
                            List.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
                            "no Alibaba Cloud credentials found for the RDS client (default credential chain: "
                                    + e.getClass().getSimpleName() + ").",
                            "Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (optionally"
                                    + " ALIBABA_CLOUD_SECURITY_TOKEN), or the RRSA variables ALIBABA_CLOUD_ROLE_ARN,"
                                    + " ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE; or turn on the"
                                    + " embedded simulator (RDS_SIMULATOR_ENABLED=true, RDS_ENDPOINT=http://127.0.0.1:8080/)."));
        }
    }

    /** The simulator's credentials where {@code rds.auth} names none of its own. */
    private static RdsProperties.Auth withSimulatorCredentials(RdsProperties.Auth auth, Environment environment) {
        boolean ownKey = StringUtils.hasText(auth.accessKeyId());
        return new RdsProperties.Auth(
                auth.type(),
                auth.signatureVersion(),
                ownKey ? auth.accessKeyId() : environment.getProperty("rds.simulator.access-key-id", "simulator-ak"),
                ownKey
                        ? auth.accessKeySecret()
                        : environment.getProperty("rds.simulator.access-key-secret", "simulator-secret"),
                ownKey ? auth.securityToken() : environment.getProperty("rds.simulator.security-token"),
                StringUtils.hasText(auth.bearerToken())
                        ? auth.bearerToken()
                        : environment.getProperty("rds.simulator.bearer-token", "simulator-token"));
    }

    private static AccessKeySource accessKeys(RdsProperties.Auth auth, Environment environment) {
        if (!StringUtils.hasText(auth.accessKeyId())) {
            return new DefaultCredentialChain(environment.getProperty("ALIBABA_CLOUD_ROLE_ARN"));
        }
        if (!StringUtils.hasText(auth.accessKeySecret())) {
            throw new MissingSettingException(List.of(NO_SECRET));
        }
        AccessKeyCredentials fixed = new AccessKeyCredentials(
                auth.accessKeyId(),
                auth.accessKeySecret(),
                StringUtils.hasText(auth.securityToken()) ? auth.securityToken() : null);
        return () -> fixed;
    }

    /** {@code rds.auth.bearer-token}, else {@code DASHSCOPE_API_KEY}, else {@code ALIBABA_CLOUD_ACCESS_KEY_ID}. */
    static String bearerToken(RdsProperties.Auth auth, Environment environment) {
        return configuredBearerToken(auth, environment)
                .orElseThrow(() -> new MissingSettingException(List.of(NO_BEARER)));
    }

    private static Optional<String> configuredBearerToken(RdsProperties.Auth auth, Environment environment) {
        return Stream.of(
                        auth.bearerToken(),
                        environment.getProperty("DASHSCOPE_API_KEY"),
                        environment.getProperty("ALIBABA_CLOUD_ACCESS_KEY_ID"))
                .filter(StringUtils::hasText)
                .findFirst();
    }
}
