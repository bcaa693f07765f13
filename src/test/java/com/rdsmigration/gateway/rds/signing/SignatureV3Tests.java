package com.rdsmigration.gateway.rds.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known-answer tests of ACS3-HMAC-SHA256 signing: the official RunInstances vector and the RDS one
 * (docs/rds-openapi-notes.md, "Known-answer vectors").
 */
class SignatureV3Tests {

    static final String DATE = "2023-10-26T10:22:32Z";
    static final String NONCE = "3156853299f313e23d1673dc12e1703d";
    static final String KEY_ID = "YourAccessKeyId";
    static final String SECRET = "YourAccessKeySecret";

    record Vector(
            String name,
            String host,
            String action,
            String version,
            Map<String, String> query,
            String hashedCanonicalRequest,
            String signature) {
        @Override
        public String toString() {
            return name;
        }

        Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("host", host);
            headers.put("x-acs-action", action);
            headers.put("x-acs-content-sha256", SignatureV3.EMPTY_PAYLOAD_HASH);
            headers.put("x-acs-date", DATE);
            headers.put("x-acs-signature-nonce", NONCE);
            headers.put("x-acs-version", version);
            return headers;
        }
    }

    static Stream<Vector> vectors() {
        Map<String, String> runInstances = new LinkedHashMap<>();
        runInstances.put("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd");
        runInstances.put("RegionId", "cn-shanghai");
        Map<String, String> importQuery = new LinkedHashMap<>();
        importQuery.put("DBInstanceId", "rm-uf6wjk5xxxxxxx");
        importQuery.put("SourceDBInstanceId", "rm-g4a1jk8xxxxxxx");
        importQuery.put("DBInfo", "{\"DBNames\":{\"srcdb\":\"destdb\",\"srcdb2\":\"destmydb2\"}}");
        return Stream.of(
                new Vector(
                        "§3.4 RunInstances",
                        "ecs.cn-shanghai.aliyuncs.com",
                        "RunInstances",
                        "2014-05-26",
                        runInstances,
                        "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259",
                        "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"),
                new Vector(
                        "§3.5 ImportDatabaseBetweenInstances",
                        "rds.aliyuncs.com",
                        "ImportDatabaseBetweenInstances",
                        "2014-08-15",
                        importQuery,
                        "36d0f251ba00320745825caa2dd1a26e049604ba8098a00b8a8fa3efc3102a51",
                        "8bc92007c2f1031458fa24f6187b1303061b9775b7090c8f18b4f49576b43e0a"));
    }

    static String sign(String method, Map<String, String> query, Map<String, String> headers, String secret) {
        String canonical = SignatureV3.canonicalRequest(method, "/", query, headers, SignatureV3.EMPTY_PAYLOAD_HASH);
        return SignatureV3.signature(secret, SignatureV3.stringToSign(canonical));
    }

    @Test
    void buildsTheDocumentedCanonicalRequest() {
        Vector official = vectors().findFirst().orElseThrow();
        assertThat(SignatureV3.canonicalRequest(
                        "POST", "/", official.query(), official.headers(), SignatureV3.EMPTY_PAYLOAD_HASH))
                .isEqualTo("""
                        POST
                        /
                        ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai
                        host:ecs.cn-shanghai.aliyuncs.com
                        x-acs-action:RunInstances
                        x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                        x-acs-date:2023-10-26T10:22:32Z
                        x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d
                        x-acs-version:2014-05-26

                        host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version
                        e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void reproducesKnownSignature(Vector vector) {
        String canonical = SignatureV3.canonicalRequest(
                "POST", "/", vector.query(), vector.headers(), SignatureV3.EMPTY_PAYLOAD_HASH);
        assertThat(SignatureV3.stringToSign(canonical))
                .isEqualTo(SignatureV3.ALGORITHM + "\n" + vector.hashedCanonicalRequest());
        assertThat(sign("POST", vector.query(), vector.headers(), SECRET)).isEqualTo(vector.signature());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void signerProducesTheDocumentedAuthorizationHeader(Vector vector) {
        Clock clock = Clock.fixed(Instant.parse(DATE), ZoneOffset.UTC);
        RequestSigner signer = new RequestSigner(clock, () -> NONCE);

        Map<String, String> headers = signer.signV3(
                "POST",
                vector.host(),
                vector.action(),
                vector.version(),
                vector.query(),
                new byte[0],
                null,
                AccessKeyCredentials.of(KEY_ID, SECRET));

        assertThat(headers)
                .containsEntry("x-acs-date", DATE)
                .containsEntry("x-acs-signature-nonce", NONCE)
                .containsEntry("x-acs-content-sha256", SignatureV3.EMPTY_PAYLOAD_HASH)
                .containsEntry(
                        "Authorization",
                        "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;"
                                + "x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature="
                                + vector.signature());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void anyChangedByteOfAnyInputChangesTheSignature(Vector vector) {
        assertThat(sign("GET", vector.query(), vector.headers(), SECRET)).isNotEqualTo(vector.signature());
        assertThat(sign("POST", vector.query(), vector.headers(), Mutations.flipLastByte(SECRET)))
                .isNotEqualTo(vector.signature());
        for (String name : vector.query().keySet()) {
            Map<String, String> changed = new LinkedHashMap<>(vector.query());
            changed.put(name, Mutations.flipLastByte(changed.get(name)));
            assertThat(sign("POST", changed, vector.headers(), SECRET))
                    .as("query value %s changed", name)
                    .isNotEqualTo(vector.signature());
            Map<String, String> renamed = new LinkedHashMap<>(vector.query());
            renamed.put(Mutations.flipLastByte(name), renamed.remove(name));
            assertThat(sign("POST", renamed, vector.headers(), SECRET))
                    .as("query name %s changed", name)
                    .isNotEqualTo(vector.signature());
        }
        for (String name : vector.headers().keySet()) {
            Map<String, String> changed = new LinkedHashMap<>(vector.headers());
            changed.put(name, Mutations.flipLastByte(changed.get(name)));
            assertThat(sign("POST", vector.query(), changed, SECRET))
                    .as("header %s changed", name)
                    .isNotEqualTo(vector.signature());
        }
        String otherPayload = SignatureV3.hexSha256(new byte[] {0});
        String canonical = SignatureV3.canonicalRequest("POST", "/", vector.query(), vector.headers(), otherPayload);
        assertThat(SignatureV3.signature(SECRET, SignatureV3.stringToSign(canonical)))
                .isNotEqualTo(vector.signature());
    }

    @Test
    void keepsEmptyQueryValuesAsNameEquals() {
        assertThat(SignatureV3.canonicalQuery(Map.of("B", "", "A", "x y"))).isEqualTo("A=x%20y&B=");
    }

    @Test
    void signerSignsStsHeadersAndTheBodyContentType() {
        Clock clock = Clock.fixed(Instant.parse(DATE), ZoneOffset.UTC);
        RequestSigner signer = new RequestSigner(clock, () -> NONCE);
        byte[] body = "DBInstanceName=pgm-1".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        Map<String, String> headers = signer.signV3(
                "POST",
                "127.0.0.1:8080",
                "DescribeCloudMigrationResult",
                "2014-08-15",
                Map.of(),
                body,
                "application/x-www-form-urlencoded",
                new AccessKeyCredentials("STS.id", "secret", "token-1"));

        assertThat(headers)
                .containsEntry("x-acs-security-token", "token-1")
                .containsEntry("x-acs-accesskey-id", "STS.id")
                .containsEntry("x-acs-content-sha256", SignatureV3.hexSha256(body));
        assertThat(headers.get("Authorization"))
                .contains("SignedHeaders=content-type;host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;"
                        + "x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,");
    }
}
