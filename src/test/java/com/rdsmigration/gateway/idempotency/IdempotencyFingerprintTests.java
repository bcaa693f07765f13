package com.rdsmigration.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.settings.MissingSetting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The fingerprint that decides whether a retry is "the same request": known answers and what it is blind to. */
class IdempotencyFingerprintTests {

    static final Fingerprint FINGERPRINT = new Fingerprint("test-fingerprint-key");

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void isTheHmacSha256OfMethodPathAndCanonicalJson() {
        // printf 'POST\n/api/v1/imports\njson:{"a":1,"b":[2,{"c":"d","e":null}]}'
        //   | openssl dgst -sha256 -hmac test-fingerprint-key
        assertThat(FINGERPRINT.of(
                        "POST", "/api/v1/imports", bytes("{ \"b\": [2, {\"e\": null, \"c\": \"d\"}],\n \"a\": 1 }")))
                .isEqualTo("20739e3b07edc99370be81e155e9d31e9907b110a5a6804da7a1f6393e856c18");
    }

    @Test
    void fingerprintsAnEmptyBodyAsRawBytes() {
        // printf 'POST\n/api/v1/imports/x/cancel\nraw:' | openssl dgst -sha256 -hmac test-fingerprint-key
        assertThat(FINGERPRINT.of("POST", "/api/v1/imports/x/cancel", new byte[0]))
                .isEqualTo("58df3bcecfd5a37adc0692b8cbddcf4cfb47ddf2fbe676f074001c1b985cdcba");
    }

    @Test
    void ignoresWhitespaceAndMemberOrderAtEveryDepth() {
        String compact = "{\"sourceInstanceId\":\"rm-a\",\"databases\":{\"sales\":\"s2\",\"crm\":\"crm\"}}";
        String reformatted = "{\n  \"databases\" : { \"crm\" : \"crm\", \"sales\" : \"s2\" },\n"
                + "  \"sourceInstanceId\" : \"rm-a\"\n}\n";

        assertThat(FINGERPRINT.of("POST", "/api/v1/imports", bytes(reformatted)))
                .isEqualTo(FINGERPRINT.of("POST", "/api/v1/imports", bytes(compact)));
    }

    @Test
    void tellsApartAnyDifferenceOfValueArrayOrderMethodPathOrQuery() {
        String body = "{\"databases\":[\"sales\",\"crm\"],\"size\":1.50}";
        String base = FINGERPRINT.of("POST", "/api/v1/imports", bytes(body));

        assertThat(FINGERPRINT.of(
                        "POST", "/api/v1/imports", bytes("{\"databases\":[\"crm\",\"sales\"],\"size\":1.50}")))
                .isNotEqualTo(base);
        assertThat(FINGERPRINT.of(
                        "POST", "/api/v1/imports", bytes("{\"databases\":[\"sales\",\"crm\"],\"size\":1.51}")))
                .isNotEqualTo(base);
        assertThat(FINGERPRINT.of("PUT", "/api/v1/imports", bytes(body))).isNotEqualTo(base);
        assertThat(FINGERPRINT.of("POST", "/api/v1/cloud-migrations", bytes(body)))
                .isNotEqualTo(base);
        assertThat(FINGERPRINT.of("POST", "/api/v1/imports?dryRun=true", bytes(body)))
                .isNotEqualTo(base);
    }

    @Test
    void keepsBodiesThatAreNotJsonByteForByte() {
        assertThat(Fingerprint.canonicalBody(bytes("{not json"))).isEqualTo(bytes("raw:{not json"));
        assertThat(Fingerprint.canonicalBody(bytes("{\"a\":1} trailing"))).isEqualTo(bytes("raw:{\"a\":1} trailing"));
        assertThat(FINGERPRINT.of("POST", "/p", bytes("a=1&b=2")))
                .isNotEqualTo(FINGERPRINT.of("POST", "/p", bytes("b=2&a=1")));
    }

    @Test
    void neverConfusesRawBytesWithCanonicalJson() {
        assertThat(Fingerprint.canonicalBody(bytes("{ \"a\" : 1 }"))).isEqualTo(bytes("json:{\"a\":1}"));
        assertThat(FINGERPRINT.of("POST", "/p", bytes("{\"a\":1}")))
                .isNotEqualTo(FINGERPRINT.of("POST", "/p", bytes("{\"a\":1")));
    }

    @Test
    void dependsOnTheSecretSoTheStoredValueCannotBeTestedAgainstGuessedPasswords() {
        byte[] body = bytes("{\"source\":{\"password\":\"hunter2\"}}");

        assertThat(new Fingerprint("another-key").of("POST", "/api/v1/cloud-migrations", body))
                .isNotEqualTo(FINGERPRINT.of("POST", "/api/v1/cloud-migrations", body));
    }

    @Test
    void prodRefusesAMissingOrPublicFingerprintSecret() {
        ProdFingerprintSettingsCheck check = new ProdFingerprintSettingsCheck();
        for (String secret :
                new String[] {"", " ", "demo-only-fingerprint-secret", IdempotencyConfiguration.DEVELOPMENT_SECRET}) {
            assertThat(check.missing(new MockEnvironment()
                            .withProperty(ProdFingerprintSettingsCheck.FINGERPRINT_SECRET, secret)))
                    .as("'%s'", secret)
                    .singleElement()
                    .extracting(MissingSetting::settings)
                    .isEqualTo(List.of("gateway.idempotency.fingerprint-secret"));
        }
        assertThat(check.missing(new MockEnvironment())).hasSize(1);
        assertThat(check.missing(new MockEnvironment()
                        .withProperty(ProdFingerprintSettingsCheck.FINGERPRINT_SECRET, "s3cret-value")))
                .isEmpty();
        var configured = new IdempotencyProperties(
                Duration.ofHours(24), Duration.ofMinutes(5), Duration.ofMinutes(10), 1000, "s3cret-value");
        assertThat(configured.toString()).doesNotContain("s3cret-value");
    }
}
