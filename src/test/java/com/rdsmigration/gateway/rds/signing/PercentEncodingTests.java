package com.rdsmigration.gateway.rds.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The percent-encoding rules of docs/rds-openapi-notes.md, "Percent-encoding". */
class PercentEncodingTests {

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("AZaz09-_.~", "AZaz09-_.~"),
                Arguments.of("a b", "a%20b"),
                Arguments.of("*", "%2A"),
                Arguments.of("~", "~"),
                Arguments.of("+", "%2B"),
                Arguments.of("/", "%2F"),
                Arguments.of(":", "%3A"),
                Arguments.of("!'()", "%21%27%28%29"),
                Arguments.of("\"", "%22"),
                Arguments.of("=&", "%3D%26"),
                Arguments.of("%", "%25"),
                Arguments.of("中", "%E4%B8%AD"),
                Arguments.of("é", "%C3%A9"),
                Arguments.of("😀", "%F0%9F%98%80"));
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @MethodSource("rules")
    void encodesLikeAlibabaCloud(String raw, String encoded) {
        assertThat(PercentEncoding.encode(raw)).isEqualTo(encoded);
    }
}
