package com.rdsmigration.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The fingerprint that decides whether a retry is "the same request": known answers and what it is blind to. */
class IdempotencyFingerprintTests {

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void isTheSha256OfMethodPathAndCanonicalJson() {
        // printf 'POST\n/api/v1/imports\njson:{"a":1,"b":[2,{"c":"d","e":null}]}' | sha256sum
        assertThat(Fingerprint.of(
                        "POST", "/api/v1/imports", bytes("{ \"b\": [2, {\"e\": null, \"c\": \"d\"}],\n \"a\": 1 }")))
                .isEqualTo("80a138aa7b129c349b6a9f33728a4ac2f8e7212013e5d5a85b5a416882014655");
    }

    @Test
    void fingerprintsAnEmptyBodyAsRawBytes() {
        // printf 'POST\n/api/v1/imports/x/cancel\nraw:' | sha256sum
        assertThat(Fingerprint.of("POST", "/api/v1/imports/x/cancel", new byte[0]))
                .isEqualTo("ca4422f893229b8ede1549410e286bcb9d032c41eff9adc1f09a1e33af689f17");
    }

    @Test
    void ignoresWhitespaceAndMemberOrderAtEveryDepth() {
        String compact = "{\"sourceInstanceId\":\"rm-a\",\"databases\":{\"sales\":\"s2\",\"crm\":\"crm\"}}";
        String reformatted = "{\n  \"databases\" : { \"crm\" : \"crm\", \"sales\" : \"s2\" },\n"
                + "  \"sourceInstanceId\" : \"rm-a\"\n}\n";

        assertThat(Fingerprint.of("POST", "/api/v1/imports", bytes(reformatted)))
                .isEqualTo(Fingerprint.of("POST", "/api/v1/imports", bytes(compact)));
    }

    @Test
    void tellsApartAnyDifferenceOfValueArrayOrderMethodPathOrQuery() {
        String body = "{\"databases\":[\"sales\",\"crm\"],\"size\":1.50}";
        String base = Fingerprint.of("POST", "/api/v1/imports", bytes(body));

        assertThat(Fingerprint.of(
                        "POST", "/api/v1/imports", bytes("{\"databases\":[\"crm\",\"sales\"],\"size\":1.50}")))
                .isNotEqualTo(base);
        assertThat(Fingerprint.of(
                        "POST", "/api/v1/imports", bytes("{\"databases\":[\"sales\",\"crm\"],\"size\":1.51}")))
                .isNotEqualTo(base);
        assertThat(Fingerprint.of("PUT", "/api/v1/imports", bytes(body))).isNotEqualTo(base);
        assertThat(Fingerprint.of("POST", "/api/v1/cloud-migrations", bytes(body)))
                .isNotEqualTo(base);
        assertThat(Fingerprint.of("POST", "/api/v1/imports?dryRun=true", bytes(body)))
                .isNotEqualTo(base);
    }

    @Test
    void keepsBodiesThatAreNotJsonByteForByte() {
        assertThat(Fingerprint.canonicalBody(bytes("{not json"))).isEqualTo(bytes("raw:{not json"));
        assertThat(Fingerprint.canonicalBody(bytes("{\"a\":1} trailing"))).isEqualTo(bytes("raw:{\"a\":1} trailing"));
        assertThat(Fingerprint.of("POST", "/p", bytes("a=1&b=2")))
                .isNotEqualTo(Fingerprint.of("POST", "/p", bytes("b=2&a=1")));
    }

    @Test
    void neverConfusesRawBytesWithCanonicalJson() {
        assertThat(Fingerprint.canonicalBody(bytes("{ \"a\" : 1 }"))).isEqualTo(bytes("json:{\"a\":1}"));
        assertThat(Fingerprint.of("POST", "/p", bytes("{\"a\":1}")))
                .isNotEqualTo(Fingerprint.of("POST", "/p", bytes("{\"a\":1")));
    }
}
