package com.rdsmigration.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DBInfo in its mapping and legacy array forms, and every way it can be invalid. */
class SimulatorDbInfoTests {

    @Test
    void readsTheMappingFormInOrder() {
        assertThat(DbInfo.parse("{\"DBNames\":{\"srcdb\":\"destdb\",\"srcdb2\":\"destmydb2\"}}"))
                .containsExactly(java.util.Map.entry("srcdb", "destdb"), java.util.Map.entry("srcdb2", "destmydb2"));
    }

    @Test
    void readsTheLegacyArrayFormAsSameNameOnBothSides() {
        assertThat(DbInfo.parse("{\"DBNames\":[\"mydb\",\"mydb2\"]}"))
                .containsExactly(java.util.Map.entry("mydb", "mydb"), java.util.Map.entry("mydb2", "mydb2"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"DBNames\":{\"a\":\"x\",\"a\":\"y\"}}",
                "{\"DBNames\":{\"a\":\"x\",\"b\":\"x\"}}",
                "{\"DBNames\":[\"a\",\"a\"]}",
                "{\"DBNames\":[]}",
                "{\"DBNames\":{}}",
                "{\"DBNames\":[\" \"]}",
                "{\"DBNames\":{\"a\":\"\"}}",
                "{\"DBNames\":[1]}",
                "{\"DBNames\":\"a\"}",
                "{}",
                "[]",
                "not json"
            })
    void refusesInvalidDbInfoNamingTheParameter(String dbInfo) {
        assertThatThrownBy(() -> DbInfo.parse(dbInfo))
                .isInstanceOfSatisfying(RdsError.class, error -> {
                    assertThat(error.code()).isEqualTo("InvalidParameter");
                    assertThat(error.httpStatus()).isEqualTo(400);
                })
                .hasMessageContaining("\"DBInfo\"");
    }
}
