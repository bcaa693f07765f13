package com.rdsmigration.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.rdsmigration.gateway.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mockito.Mockito;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every refusal in a {@link WebSliceTest} must look like, and proof that no service behind it was reached. */
public final class WebSliceProblems {

    /** The prefix of every problem {@code type} the gateway answers with. */
    public static final String TYPE_PREFIX = "urn:rds-migration-gateway:problem:";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Asserts a problem of a known type whose status, title, detail and instance fit the request, and, when a field is
     * given, a validation problem whose {@code errors} name it with a message.
     *
     * @return the problem, for further checks
     */
    public static JsonNode assertProblem(MvcTestResult result, int status, String path, @Nullable String field) {
        String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(result).as(body).hasStatus(status);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(body);
        String type = problem.path("type").asString();
        assertThat(type).as(body).startsWith(TYPE_PREFIX);
        ProblemType kind = Arrays.stream(ProblemType.values())
                .filter(candidate -> candidate.type().toString().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not a problem type of the gateway: " + type));
        assertThat(kind.status().value()).as(type).isEqualTo(status);
        assertThat(problem.path("status").asInt()).as(body).isEqualTo(status);
        assertThat(problem.path("title").asString()).as(body).isEqualTo(kind.title());
        assertThat(problem.path("detail").asString()).as(body).isNotBlank();
        assertThat(problem.path("instance").asString()).as(body).isEqualTo(path.replaceFirst("\\?.*", ""));
        if (field != null) {
            assertThat(kind).as(body).isEqualTo(ProblemType.VALIDATION_FAILED);
            assertThat(problem.path("errors")
                            .valueStream()
                            .filter(error -> error.path("field").asString().equals(field))
                            .map(error -> error.path("message").asString()))
                    .as(body)
                    .isNotEmpty()
                    .allSatisfy(message -> assertThat(message).isNotBlank());
        }
        return problem;
    }

    /** Asserts that none of the slice's mocks (the services and stores behind its controllers) was called. */
    public static void assertNoServiceCalled(ApplicationContext context) {
        List<Object> mocks = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Object bean = context.getBean(name);
            if (Mockito.mockingDetails(bean).isMock()) {
                mocks.add(bean);
            }
        }
        assertThat(mocks).as("the slice's mocks").isNotEmpty();
        Mockito.verifyNoInteractions(mocks.toArray());
    }

    private WebSliceProblems() {}
}
