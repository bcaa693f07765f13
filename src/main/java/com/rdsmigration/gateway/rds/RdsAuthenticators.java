package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.rds.signing.AccessKeyCredentials;
import com.rdsmigration.gateway.rds.signing.NonceSource;
import com.rdsmigration.gateway.rds.signing.RequestSigner;
import com.rdsmigration.gateway.system.MissingSettingException;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Picks the authenticator of {@code rds.auth.*} and its credentials: those configured there; else, while the upstream
 * is the embedded simulator, the simulator's ({@code rds.simulator.access-key-id}, {@code access-key-secret},
 * {@code bearer-token}); else the Alibaba Cloud default credential chain. Missing credentials stop start-up with a
 * message naming the settings, unless the upstream is the embedded simulator outside profile {@code prod}.
 */
final class RdsAuthenticators {

    private RdsAuthenticators() {}

    static RdsAuthenticator create(
            RdsProperties.Auth configured,
            String endpoint,
            Environment environment,
            RequestSigner signer,
            Clock clock) {
        boolean embedded = EmbeddedSimulator.isUpstream(endpoint, environment);
        boolean failFast = environment.acceptsProfiles(Profiles.of("prod")) || !embedded;
        RdsProperties.Auth auth = embedded ? withSimulatorCredentials(configured, environment) : configured;
        if (auth.type() == RdsProperties.AuthType.BEARER) {
            Supplier<String> token = () -> bearerToken(auth, environment);
            if (failFast) {
                token.get();
            }
            return new BearerAuthenticator(token, clock, NonceSource.random());
        }
        AccessKeySource credentials = accessKeys(auth, environment);
        if (failFast) {
            verify(credentials);
        }
        return new SignatureAuthenticator(signer, credentials, auth.signatureVersion());
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
            throw new MissingSettingException(
                    "rds.auth.access-key-secret",
                    "rds.auth.access-key-id is set but its secret is not.",
                    "Set RDS_AUTH_ACCESS_KEY_SECRET, or drop rds.auth.access-key-id to use the default credential chain.");
        }
        AccessKeyCredentials fixed = new AccessKeyCredentials(
                auth.accessKeyId(),
                auth.accessKeySecret(),
                StringUtils.hasText(auth.securityToken()) ? auth.securityToken() : null);
        return () -> fixed;
    }

    private static void verify(AccessKeySource credentials) {
        try {
            credentials.current();
        } catch (RuntimeException e) {
            throw new MissingSettingException(
                    "ALIBABA_CLOUD_ACCESS_KEY_ID",
                    "no Alibaba Cloud credentials found for the RDS client (default credential chain: "
                            + e.getClass().getSimpleName() + ").",
                    "Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (optionally"
                            + " ALIBABA_CLOUD_SECURITY_TOKEN), or the RRSA variables ALIBABA_CLOUD_ROLE_ARN,"
                            + " ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE.");
        }
    }

    /** {@code rds.auth.bearer-token}, else {@code DASHSCOPE_API_KEY}, else {@code ALIBABA_CLOUD_ACCESS_KEY_ID}. */
    static String bearerToken(RdsProperties.Auth auth, Environment environment) {
        return Stream.of(
                        auth.bearerToken(),
                        environment.getProperty("DASHSCOPE_API_KEY"),
                        environment.getProperty("ALIBABA_CLOUD_ACCESS_KEY_ID"))
                .filter(StringUtils::hasText)
                .findFirst()
                .orElseThrow(() -> new MissingSettingException(
                        "rds.auth.bearer-token",
                        "rds.auth.type is bearer and no token is configured.",
                        "Set RDS_AUTH_BEARER_TOKEN (or DASHSCOPE_API_KEY)."));
    }
}
