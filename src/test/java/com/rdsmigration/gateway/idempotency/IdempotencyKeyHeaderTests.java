package com.rdsmigration.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which Idempotency-Key values are accepted, and how a refusal names the header. */
class IdempotencyKeyHeaderTests {

    @Test
    void acceptsOneToTwoHundredFiftyFivePrintableAsciiCharacters() {
        assertThat(IdempotencyKeyHeader.problemWith("k")).isEmpty();
        assertThat(IdempotencyKeyHeader.problemWith("5f0c8e36-8a43-4a8e-9d5c-3c1d2b7e9a10"))
                .isEmpty();
        assertThat(IdempotencyKeyHeader.problemWith("order 42: {retry} ~!@#$%^&*()"))
                .isEmpty();
        assertThat(IdempotencyKeyHeader.problemWith("x".repeat(255))).isEmpty();
    }

    @Test
    void refusesEmptyTooLongAndNonPrintableKeys() {
        assertThat(IdempotencyKeyHeader.problemWith(""))
                .hasValueSatisfying(p -> assertThat(p).contains("1 to 255"));
        assertThat(IdempotencyKeyHeader.problemWith("x".repeat(256))).isPresent();
        assertThat(IdempotencyKeyHeader.problemWith("tab\there"))
                .hasValueSatisfying(p -> assertThat(p).contains("printable ASCII"));
        assertThat(IdempotencyKeyHeader.problemWith("del\u007f")).isPresent();
        assertThat(IdempotencyKeyHeader.problemWith("schlüssel")).isPresent();
    }

    @Test
    void refusesTwoKeysOnOneRequestWithAProblemNamingTheHeader() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/imports");
        request.addHeader("Idempotency-Key", "a");
        request.addHeader("Idempotency-Key", "b");

        assertThatExceptionOfType(ProblemException.class)
                .isThrownBy(() -> IdempotencyKeyHeader.read(request))
                .satisfies(problem -> {
                    assertThat(problem.problemType()).isEqualTo(ProblemType.VALIDATION_FAILED);
                    assertThat(problem.getMessage()).contains("Idempotency-Key");
                    assertThat(problem.properties().get("errors"))
                            .isEqualTo(List.of(new IdempotencyKeyHeader.HeaderError(
                                    "Idempotency-Key", "send exactly one Idempotency-Key header")));
                });
    }

    @Test
    void readsTheOneKeyOfARequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/imports");
        request.addHeader("Idempotency-Key", "retry-me");

        assertThat(IdempotencyKeyHeader.read(request)).isEqualTo("retry-me");
    }
}
