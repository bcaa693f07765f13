package com.rdsmigration.gateway.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rdsmigration.gateway.rds.signing.NonceSource;
import com.rdsmigration.gateway.rds.signing.RequestSigner;
import com.rdsmigration.gateway.settings.MissingSettingException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.env.MockEnvironment;

class RdsAuthenticatorsTests {

    static final String OWN_SIMULATOR = "http://127.0.0.1:${local.server.port}/";
    static final String ALIBABA_CLOUD = "https://rds.cn-hangzhou.aliyuncs.com/";

    final Clock clock = Clock.systemUTC();
    final RequestSigner signer = new RequestSigner(clock, NonceSource.random());

    static RdsProperties.Auth auth(
            RdsProperties.AuthType type, String keyId, String secret, String token, String bearer) {
        return new RdsProperties.Auth(type, RdsProperties.SignatureVersion.V3, keyId, secret, token, bearer);
    }

    @Test
    void prodRefusesAKeyIdWithoutItsSecretNamingTheSetting() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");

        assertThatThrownBy(() -> RdsAuthenticators.create(
                        auth(RdsProperties.AuthType.SIGNATURE, "ak", "", null, null),
                        ALIBABA_CLOUD,
                        prod,
                        signer,
                        clock))
                .isInstanceOf(MissingSettingException.class)
                .hasMessageContaining("'rds.auth.access-key-secret'");
    }

    @Test
    void prodRefusesBearerModeWithoutAToken() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");

        assertThatThrownBy(() -> RdsAuthenticators.create(
                        auth(RdsProperties.AuthType.BEARER, null, null, null, null),
                        ALIBABA_CLOUD,
                        prod,
                        signer,
                        clock))
                .isInstanceOf(MissingSettingException.class)
                .hasMessageContaining("'rds.auth.bearer-token'");
    }

    @Test
    void bearerTokenFallsBackToDashscopeThenToTheAccessKeyIdVariable() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("DASHSCOPE_API_KEY", "dash-token")
                .withProperty("ALIBABA_CLOUD_ACCESS_KEY_ID", "ak-token");
        assertThat(RdsAuthenticators.bearerToken(
                        auth(RdsProperties.AuthType.BEARER, null, null, null, "set"), environment))
                .isEqualTo("set");
        assertThat(RdsAuthenticators.bearerToken(
                        auth(RdsProperties.AuthType.BEARER, null, null, null, null), environment))
                .isEqualTo("dash-token");
        assertThat(RdsAuthenticators.bearerToken(
                        auth(RdsProperties.AuthType.BEARER, null, null, null, null),
                        new MockEnvironment().withProperty("ALIBABA_CLOUD_ACCESS_KEY_ID", "ak-token")))
                .isEqualTo("ak-token");
    }

    @Test
    void configuredStsCredentialsAreSignedWithTheirToken() {
        RdsAuthenticator authenticator = RdsAuthenticators.create(
                auth(RdsProperties.AuthType.SIGNATURE, "STS.ak", "secret", "sts-token", null),
                OWN_SIMULATOR,
                new MockEnvironment(),
                signer,
                clock);

        SignedRequest signed = authenticator.authenticate(
                HttpMethod.POST, URI.create("https://rds.aliyuncs.com/"), "CancelImport", Map.of("ImportId", "1"));

        assertThat(signed.headers())
                .containsEntry("x-acs-security-token", "sts-token")
                .containsEntry("x-acs-accesskey-id", "STS.ak");
        assertThat(signed.headers().get("Authorization")).contains("Credential=STS.ak,");
        assertThat(signed.uri().getRawQuery()).isEqualTo("ImportId=1");
    }

    @Test
    void theAccountIsTheAccessKeyIdOrTheRoleAccountOrADigestOfTheBearerToken() {
        assertThat(RdsAuthenticators.create(
                                auth(RdsProperties.AuthType.SIGNATURE, "LTAI5tKey", "secret", null, null),
                                OWN_SIMULATOR,
                                new MockEnvironment(),
                                signer,
                                clock)
                        .account())
                .isEqualTo("LTAI5tKey");
        assertThat(new DefaultCredentialChain("acs:ram::1234567890123456:role/gateway").account())
                .as("temporary keys change at every refresh; the role's account does not")
                .isEqualTo("1234567890123456");

        String bearer = RdsAuthenticators.create(
                        auth(RdsProperties.AuthType.BEARER, null, null, null, "the-bearer-token"),
                        OWN_SIMULATOR,
                        new MockEnvironment(),
                        signer,
                        clock)
                .account();
        assertThat(bearer).matches("bearer:[0-9a-f]{16}").doesNotContain("the-bearer-token");
        assertThat(new UpstreamAccount(() -> {
                            throw new IllegalStateException("no credentials");
                        })
                        .id())
                .isEqualTo("unknown");
    }

    @Test
    void secretsNeverAppearInToString() {
        String text = auth(RdsProperties.AuthType.SIGNATURE, "ak", "the-secret", "the-token", "the-bearer")
                .toString();
        assertThat(text).contains("ak").doesNotContain("the-secret", "the-token", "the-bearer");
        assertThat(new com.rdsmigration.gateway.rds.signing.AccessKeyCredentials("ak", "the-secret", "the-token")
                        .toString())
                .doesNotContain("the-secret", "the-token");
    }

    @Test
    void signsTheHostTheJdkClientSends() {
        assertThat(RdsAuthenticator.hostHeader(URI.create("http://127.0.0.1:8080/")))
                .isEqualTo("127.0.0.1:8080");
        assertThat(RdsAuthenticator.hostHeader(URI.create("https://rds.aliyuncs.com/")))
                .isEqualTo("rds.aliyuncs.com");
        assertThat(RdsAuthenticator.hostHeader(URI.create("https://rds.aliyuncs.com:443/")))
                .isEqualTo("rds.aliyuncs.com");
        assertThat(RdsEndpoint.parse("rds.cn-hangzhou.aliyuncs.com"))
                .isEqualTo(URI.create("https://rds.cn-hangzhou.aliyuncs.com/"));
    }

    @Test
    void theSimulatorsCredentialsSignOnlyForTheEmbeddedSimulator() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "8080");
        RdsProperties.Auth none = auth(RdsProperties.AuthType.SIGNATURE, null, null, null, null);

        assertThat(RdsAuthenticators.create(none, OWN_SIMULATOR, environment, signer, clock)
                        .account())
                .isEqualTo("simulator-ak");
        assertThat(RdsAuthenticators.create(none, "http://localhost:8080/", environment, signer, clock)
                        .account())
                .as("the gateway's own port, written out")
                .isEqualTo("simulator-ak");
        assertThatThrownBy(() -> RdsAuthenticators.create(none, ALIBABA_CLOUD, environment, signer, clock))
                .as("any other endpoint, in any profile, needs credentials of its own")
                .isInstanceOf(MissingSettingException.class)
                .hasMessageContaining("'ALIBABA_CLOUD_ACCESS_KEY_ID'");
        assertThatThrownBy(() -> RdsAuthenticators.create(none, "http://127.0.0.1:9999/", environment, signer, clock))
                .as("another port on this machine is another endpoint")
                .isInstanceOf(MissingSettingException.class);
        assertThatThrownBy(() -> RdsAuthenticators.create(
                        none,
                        OWN_SIMULATOR,
                        new MockEnvironment().withProperty("rds.simulator.enabled", "false"),
                        signer,
                        clock))
                .as("no simulator, no simulator credentials")
                .isInstanceOf(MissingSettingException.class);
        assertThat(RdsAuthenticators.create(
                                auth(RdsProperties.AuthType.SIGNATURE, "LTAI5tOwn", "own-secret", null, null),
                                OWN_SIMULATOR,
                                environment,
                                signer,
                                clock)
                        .account())
                .as("credentials configured in rds.auth win")
                .isEqualTo("LTAI5tOwn");
    }
}
