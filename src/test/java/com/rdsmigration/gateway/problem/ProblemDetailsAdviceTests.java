package com.rdsmigration.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Error rendering in isolation: a sample controller, our filters and advice, no security. */
@WebMvcTest(
        controllers = ProblemDetailsAdviceTests.SampleController.class,
        excludeAutoConfiguration = {
            SecurityAutoConfiguration.class,
            ServletWebSecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class
        })
@Import(ProblemDetailsAdviceTests.SampleController.class)
class ProblemDetailsAdviceTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void answersMalformedJsonWithBadRequestProblem() {
        MvcTestResult result = mvc.post()
                .uri("/sample")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"a\", ")
                .exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST, "malformed-request");
        assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo("/sample");
    }

    @Test
    void answersInvalidFieldsWithTheirNamesAndMessages() {
        MvcTestResult result = mvc.post()
                .uri("/sample")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"\", \"port\": 70000}")
                .exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("name", "port");
    }

    @Test
    void answersBodiesOverTheLimitWith413BeforeReadingThem() {
        byte[] body = new byte[10 * 1024 * 1024 + 512 * 1024];
        MvcTestResult result = mvc.post()
                .uri("/sample")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();

        assertProblem(result, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
    }

    @Test
    void answersWrongContentTypeUnknownPathAndMethodWithProblems() {
        assertProblem(
                mvc.post()
                        .uri("/sample")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("x")
                        .exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type");
        assertProblem(mvc.get().uri("/nowhere").exchange(), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(mvc.delete().uri("/sample").exchange(), HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed");
    }

    @Test
    void rendersProblemExceptionsWithRetryAfterAndExtensions() {
        MvcTestResult result = mvc.get().uri("/sample/limited").exchange();

        assertProblem(result, HttpStatus.TOO_MANY_REQUESTS, "rate-limited");
        assertThat(result).hasHeader("Retry-After", "30");
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("DailyTaskLimit");
    }

    @Test
    void answersAnUnreachableDatabaseWith503AndRetryAfter() {
        MvcTestResult result = mvc.get().uri("/sample/store-down").exchange();

        assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable");
        assertThat(result).hasHeader("Retry-After", "5");
    }

    @Test
    void hidesTheMessageOfUnexpectedErrors() throws Exception {
        MvcTestResult result = mvc.get().uri("/sample/broken").exchange();

        assertProblem(result, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("s3cr3t");
    }

    @Test
    void echoesAWellFormedRequestIdAndReplacesABadOne() {
        MvcTestResult echoed = mvc.get()
                .uri("/sample/limited")
                .header("X-Request-Id", "abc-123")
                .exchange();
        assertThat(echoed).hasHeader("X-Request-Id", "abc-123");
        assertThat(echoed).bodyJson().extractingPath("$.requestId").isEqualTo("abc-123");

        MvcTestResult replaced = mvc.get()
                .uri("/sample/limited")
                .header("X-Request-Id", "bad id\r\n")
                .exchange();
        assertThat(replaced.getResponse().getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    static void assertProblem(MvcTestResult result, HttpStatus status, String slug) {
        assertThat(result).hasStatus(status);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:rds-migration-gateway:problem:" + slug);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.value());
        assertThat(result).bodyJson().extractingPath("$.title").isNotNull();
    }

    record SampleRequest(
            @NotBlank String name, @Min(1) @Max(65535) int port) {}

    @RestController
    static class SampleController {

        @PostMapping("/sample")
        SampleRequest echo(@Valid @RequestBody SampleRequest request) {
            return request;
        }

        @GetMapping("/sample/limited")
        String limited() {
            throw new ProblemException(ProblemType.RATE_LIMITED, "Daily task limit reached.")
                    .with("code", "DailyTaskLimit")
                    .retryAfter(Duration.ofSeconds(30));
        }

        @GetMapping("/sample/store-down")
        String storeDown() {
            throw new org.springframework.transaction.CannotCreateTransactionException(
                    "Could not open JPA EntityManager for transaction");
        }

        @GetMapping("/sample/broken")
        String broken() {
            throw new IllegalStateException("password=s3cr3t");
        }
    }
}
