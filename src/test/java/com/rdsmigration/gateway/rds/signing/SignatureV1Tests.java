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
 * Known-answer tests of HMAC-SHA1 signing: the official vector, its TimeStamp variant and the RDS one
 * (docs/rds-openapi-notes.md, "Known-answer vectors").
 */
class SignatureV1Tests {

    static final String NONCE = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf";

    /** The official vector: DescribeRegions on ECS, GET, testid/testsecret. */
    static Map<String, String> describeRegions() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccessKeyId", "testid");
        p.put("Action", "DescribeRegions");
        p.put("Format", "XML");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", NONCE);
        p.put("SignatureVersion", "1.0");
        p.put("Timestamp", "2016-02-23T12:46:24Z");
        p.put("Version", "2014-05-26");
        return p;
    }

    /** The RDS vector: ImportDatabaseBetweenInstances, POST, every parameter in the query. */
    static Map<String, String> importBetweenInstances() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SourceDBInstanceId", "rm-g4a1jk8xxxxxxx");
        p.put("AccessKeyId", "testid");
        p.put("Action", "ImportDatabaseBetweenInstances");
        p.put("Format", "JSON");
        p.put("Version", "2014-08-15");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", NONCE);
        p.put("Timestamp", "2016-02-23T12:46:24Z");
        p.put("DBInstanceId", "rm-uf6wjk5xxxxxxx");
        p.put("DBInfo", "{\"DBNames\":{\"srcdb\":\"destdb\",\"srcdb2\":\"destmydb2\"}}");
        return p;
    }

    record Vector(String name, String method, Map<String, String> parameters, String secret, String signature) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Vector> vectors() {
        Map<String, String> variant = describeRegions();
        variant.put("TimeStamp", variant.remove("Timestamp"));
        return Stream.of(
                new Vector(
                        "§2.4 DescribeRegions", "GET", describeRegions(), "testsecret", "OLeaidS1JvxuMvnyHOwuJ+uX5qY="),
                new Vector("§2.4 TimeStamp variant", "GET", variant, "testsecret", "CT9X0VtwR86fNWSnsc6v8YGOjuE="),
                new Vector(
                        "§2.5 ImportDatabaseBetweenInstances",
                        "POST",
                        importBetweenInstances(),
                        "testsecret",
                        "q25+6BIOGEgfrIgF5DpONu1iRaE="));
    }

    @Test
    void buildsTheDocumentedCanonicalQueryAndStringToSign() {
        assertThat(SignatureV1.canonicalizedQuery(describeRegions()))
                .isEqualTo("AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1"
                        + "&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0"
                        + "&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26");
        assertThat(SignatureV1.stringToSign("GET", describeRegions()))
                .isEqualTo(
                        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
                                + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                                + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26");
        assertThat(SignatureV1.canonicalizedQuery(importBetweenInstances()))
                .isEqualTo(
                        "AccessKeyId=testid&Action=ImportDatabaseBetweenInstances"
                                + "&DBInfo=%7B%22DBNames%22%3A%7B%22srcdb%22%3A%22destdb%22%2C%22srcdb2%22%3A%22destmydb2%22%7D%7D"
                                + "&DBInstanceId=rm-uf6wjk5xxxxxxx&Format=JSON&SignatureMethod=HMAC-SHA1"
                                + "&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0"
                                + "&SourceDBInstanceId=rm-g4a1jk8xxxxxxx&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-08-15");
        assertThat(SignatureV1.stringToSign("POST", importBetweenInstances()))
                .startsWith("POST&%2F&AccessKeyId%3Dtestid%26Action%3DImportDatabaseBetweenInstances"
                        + "%26DBInfo%3D%257B%2522DBNames");
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void reproducesKnownSignature(Vector vector) {
        assertThat(SignatureV1.sign(vector.method(), vector.parameters(), vector.secret()))
                .isEqualTo(vector.signature());
        assertThat(SignatureV1.verify(vector.method(), vector.parameters(), vector.secret(), vector.signature()))
                .isTrue();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void anyChangedByteOfAnyInputChangesTheSignature(Vector vector) {
        assertThat(SignatureV1.sign(
                        vector.method().equals("GET") ? "POST" : "GET", vector.parameters(), vector.secret()))
                .isNotEqualTo(vector.signature());
        assertThat(SignatureV1.sign(vector.method(), vector.parameters(), Mutations.flipLastByte(vector.secret())))
                .isNotEqualTo(vector.signature());
        for (String name : vector.parameters().keySet()) {
            Map<String, String> changedValue = new LinkedHashMap<>(vector.parameters());
            changedValue.put(name, Mutations.flipLastByte(changedValue.get(name)));
            assertThat(SignatureV1.sign(vector.method(), changedValue, vector.secret()))
                    .as("value of %s changed", name)
                    .isNotEqualTo(vector.signature());

            Map<String, String> changedName = new LinkedHashMap<>(vector.parameters());
            changedName.put(Mutations.flipLastByte(name), changedName.remove(name));
            assertThat(SignatureV1.sign(vector.method(), changedName, vector.secret()))
                    .as("name %s changed", name)
                    .isNotEqualTo(vector.signature());
        }
    }

    @Test
    void ignoresTheSignatureParameterAndEmptyValues() {
        Map<String, String> parameters = describeRegions();
        parameters.put("Signature", "anything");
        parameters.put("OwnerAccount", "");
        assertThat(SignatureV1.sign("GET", parameters, "testsecret")).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    }

    @Test
    void signerAddsCommonParametersWithInjectedTimeAndNonce() {
        Clock clock = Clock.fixed(Instant.parse("2016-02-23T12:46:24.789Z"), ZoneOffset.UTC);
        RequestSigner signer = new RequestSigner(clock, () -> NONCE);
        Map<String, String> business = new LinkedHashMap<>();
        business.put("DBInstanceId", "rm-uf6wjk5xxxxxxx");
        business.put("SourceDBInstanceId", "rm-g4a1jk8xxxxxxx");
        business.put("DBInfo", "{\"DBNames\":{\"srcdb\":\"destdb\",\"srcdb2\":\"destmydb2\"}}");

        Map<String, String> signed = signer.signV1(
                "POST",
                "ImportDatabaseBetweenInstances",
                "2014-08-15",
                business,
                AccessKeyCredentials.of("testid", "testsecret"));

        assertThat(signed)
                .containsEntry("Timestamp", "2016-02-23T12:46:24Z")
                .containsEntry("SignatureNonce", NONCE)
                .containsEntry("Signature", "q25+6BIOGEgfrIgF5DpONu1iRaE=")
                .doesNotContainKey("SecurityToken");
    }

    @Test
    void signerSignsTheSecurityTokenOfTemporaryCredentials() {
        Clock clock = Clock.fixed(Instant.parse("2016-02-23T12:46:24Z"), ZoneOffset.UTC);
        RequestSigner signer = new RequestSigner(clock, () -> NONCE);
        Map<String, String> signed = signer.signV1(
                "POST",
                "CancelImport",
                "2014-08-15",
                Map.of("DBInstanceId", "rm-1", "ImportId", "1"),
                new AccessKeyCredentials("STS.id", "secret", "token-1"));

        assertThat(signed).containsEntry("SecurityToken", "token-1");
        assertThat(SignatureV1.verify("POST", signed, "secret", signed.get("Signature")))
                .isTrue();
        signed.put("SecurityToken", "token-2");
        assertThat(SignatureV1.verify("POST", signed, "secret", signed.get("Signature")))
                .isFalse();
    }
}
