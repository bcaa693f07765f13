package com.rdsmigration.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The verifiers accept the official known-answer requests (V1 and V3 in docs/rds-openapi-notes.md, "Known-answer
 * vectors") exactly as signed, and refuse the smallest change with the code RDS answers.
 */
class SimulatorSignatureVerificationTests {

    static final String V3_SIGNATURE = "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";

    static SimulatorProperties properties(String accessKeyId, String secret, @Nullable String securityToken) {
        return new SimulatorProperties(
                true,
                accessKeyId,
                secret,
                securityToken,
                "token",
                Duration.ofSeconds(5),
                Map.of(),
                1L,
                Duration.ofSeconds(35),
                10_000,
                10_000,
                10_000,
                200_000,
                1024,
                65_536);
    }

    static Authenticator authenticator(SimulatorProperties properties, String now) {
        Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
        return new Authenticator(properties, new SignatureChecks(properties, clock, new NonceRegistry()));
    }

    static Map<String, String> v3Headers() {
        Map<String, String> headers = new TreeMap<>();
        headers.put("host", "ecs.cn-shanghai.aliyuncs.com");
        headers.put("x-acs-action", "RunInstances");
        headers.put("x-acs-version", "2014-05-26");
        headers.put("x-acs-date", "2023-10-26T10:22:32Z");
        headers.put("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d");
        headers.put("x-acs-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        headers.put(
                "authorization",
                "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;"
                        + "x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=" + V3_SIGNATURE);
        return headers;
    }

    static RpcHttpRequest v3Request(Map<String, String> headers) {
        return new RpcHttpRequest(
                "POST",
                headers,
                Map.of("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", "RegionId", "cn-shanghai"),
                Map.of(),
                new byte[0]);
    }

    static Authenticator v3Authenticator(@Nullable String securityToken) {
        return authenticator(
                properties("YourAccessKeyId", "YourAccessKeySecret", securityToken), "2023-10-26T10:22:32Z");
    }

    @Test
    void acceptsTheDocumentedV3Request() {
        assertThat(v3Authenticator(null).authenticate(v3Request(v3Headers()))).isEqualTo(AuthMode.V3);
    }

    @Test
    void acceptsTheDocumentedV1Request() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("AccessKeyId", "testid");
        parameters.put("Action", "DescribeRegions");
        parameters.put("Format", "XML");
        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
        parameters.put("SignatureVersion", "1.0");
        parameters.put("Timestamp", "2016-02-23T12:46:24Z");
        parameters.put("Version", "2014-05-26");
        parameters.put("Signature", "OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
        RpcHttpRequest request = new RpcHttpRequest("GET", Map.of(), parameters, Map.of(), new byte[0]);

        Authenticator authenticator = authenticator(properties("testid", "testsecret", null), "2016-02-23T12:50:00Z");
        assertThat(authenticator.authenticate(request)).isEqualTo(AuthMode.V1);

        RpcHttpRequest asPost = new RpcHttpRequest("POST", Map.of(), parameters, Map.of(), new byte[0]);
        assertCode(() -> authenticator.authenticate(asPost), "SignatureDoesNotMatch");
    }

    @Test
    void refusesAV1RequestWithTheWrongSignatureMethodOrWithoutANonce() {
        Map<String, String> parameters = new LinkedHashMap<>(
                Map.of("Signature", "x", "SignatureMethod", "HMAC-SHA256", "SignatureVersion", "1.0"));
        Authenticator authenticator = authenticator(properties("testid", "testsecret", null), "2016-02-23T12:50:00Z");
        assertCode(
                () -> authenticator.authenticate(
                        new RpcHttpRequest("GET", Map.of(), parameters, Map.of(), new byte[0])),
                "IncompleteSignature");

        parameters.put("SignatureMethod", "HMAC-SHA1");
        parameters.put("AccessKeyId", "testid");
        parameters.put("Timestamp", "2016-02-23T12:46:24Z");
        assertCode(
                () -> authenticator.authenticate(
                        new RpcHttpRequest("GET", Map.of(), parameters, Map.of(), new byte[0])),
                "MissingParameter");
    }

    @Test
    void refusesTheDocumentedV3RequestWithAnyHeaderChanged() {
        Map<String, String> otherHost = v3Headers();
        otherHost.put("host", "ecs.cn-shanghai.aliyuncs.com:443");
        assertCode(() -> v3Authenticator(null).authenticate(v3Request(otherHost)), "SignatureDoesNotMatch");

        Map<String, String> missingNonce = v3Headers();
        missingNonce.remove("x-acs-signature-nonce");
        assertCode(() -> v3Authenticator(null).authenticate(v3Request(missingNonce)), "IncompleteSignature");

        Map<String, String> noSignature = v3Headers();
        noSignature.put("authorization", "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host");
        assertCode(() -> v3Authenticator(null).authenticate(v3Request(noSignature)), "IncompleteSignature");

        Map<String, String> basic = v3Headers();
        basic.put("authorization", "Basic dXNlcjpwYXNz");
        assertCode(() -> v3Authenticator(null).authenticate(v3Request(basic)), "IncompleteSignature");
    }

    @Test
    void refusesAnStsTokenOtherThanTheConfiguredOne() {
        Map<String, String> withToken = v3Headers();
        withToken.put("x-acs-security-token", "someone-elses");
        String signedHeaders = "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;"
                + "x-acs-signature-nonce;x-acs-version";
        withToken.put(
                "authorization",
                "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=" + signedHeaders + ",Signature=00");

        assertCode(
                () -> v3Authenticator("configured-token").authenticate(v3Request(withToken)),
                "InvalidSecurityToken.Mismatch");
        assertCode(() -> v3Authenticator(null).authenticate(v3Request(withToken)), "SignatureDoesNotMatch");
    }

    @Test
    void refusesTheSameNonceTwice() {
        Authenticator authenticator = v3Authenticator(null);
        authenticator.authenticate(v3Request(v3Headers()));

        assertCode(() -> authenticator.authenticate(v3Request(v3Headers())), "SignatureNonceUsed");
    }

    @Test
    void refusesABearerTokenParameterWithoutItsSignatureType() {
        RpcHttpRequest request =
                new RpcHttpRequest("GET", Map.of(), Map.of("BearerToken", "token"), Map.of(), new byte[0]);

        assertCode(() -> v3Authenticator(null).authenticate(request), "IncompleteSignature");
    }

    static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        RdsError.class, error -> assertThat(error.code()).isEqualTo(code));
    }
}
