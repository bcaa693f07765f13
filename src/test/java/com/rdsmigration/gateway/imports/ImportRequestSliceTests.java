package com.rdsmigration.gateway.imports;

import static com.rdsmigration.gateway.support.WebSliceProblems.assertNoServiceCalled;
import static com.rdsmigration.gateway.support.WebSliceProblems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import com.rdsmigration.gateway.security.Caller;
import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.WebSliceTest;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The imports API's web layer alone refuses a bad request with a problem that names the field, before ImportService is
 * called, and passes a good one on as the caller's team. InvalidRequestSliceTests runs the cases of InvalidRequests;
 * these are others.
 */
@WebSliceTest
class ImportRequestSliceTests {

    static final String PATH = "/api/v1/imports";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ImportService imports;

    @Test
    void passesAValidCreateToTheServiceAsTheCallersTeam() {
        given(imports.create(any(), any()))
                .willThrow(new ProblemException(ProblemType.CONFLICT, "The service answered."));

        MvcTestResult result = post(PATH, body("\"rm-a-abc123\"", "\"rm-a-def456\"", "[\"sales\"]"));

        assertProblem(result, 409, PATH, null);
        then(imports)
                .should()
                .create(
                        argThat(caller -> caller.team().equals("team-a") && !caller.admin()),
                        argThat(request -> "rm-a-abc123".equals(request.sourceInstanceId())));
    }

    @Test
    void passesAReadToTheServiceAsTheCallersTeam() {
        UUID id = UUID.randomUUID();

        assertThat(get(PATH + "/" + id)).hasStatusOk();

        then(imports).should().get(argThat((Caller caller) -> caller.team().equals("team-a")), eq(id));
        // The check every refusal here ends with sees such a call.
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertNoServiceCalled(context));
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("blank source", body("\"   \"", "\"rm-a-def456\"", "[\"a\"]"), "sourceInstanceId"),
                Arguments.of(
                        "65-character target",
                        body("\"rm-a-abc123\"", "\"rm-" + "a".repeat(62) + "\"", "[\"a\"]"),
                        "targetInstanceId"),
                Arguments.of("source as a number", body("12", "\"rm-a-def456\"", "[\"a\"]"), "sourceInstanceId"),
                Arguments.of("databases null", body("\"rm-a-abc123\"", "\"rm-a-def456\"", "null"), "databases"),
                Arguments.of(
                        "blank database name", body("\"rm-a-abc123\"", "\"rm-a-def456\"", "[\" \"]"), "databases"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void refusesABadBodyNamingTheField(String name, String body, String field) {
        assertProblem(post(PATH, body), 400, PATH, field);
        assertNoServiceCalled(context);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/api/v1/imports/not-a-uuid/cancel, id",
        "/api/v1/imports/123, id",
        "/api/v1/imports?page=100001, page",
        "/api/v1/imports?size=-5, size",
        "/api/v1/imports?size=ten, size",
        "/api/v1/imports?status=running, status",
        "/api/v1/imports?to=tomorrow, to"
    })
    void refusesABadPathOrQueryNamingTheParameter(String path, String field) {
        MvcTestResult result = path.endsWith("/cancel") ? post(path, "") : get(path);

        assertProblem(result, 400, path, field);
        assertNoServiceCalled(context);
    }

    @Test
    void refusesABodyThatIsNotJsonOrNotThereAsMalformed() {
        assertProblem(post(PATH, "{\"sourceInstanceId\":\"rm-a-abc123\",}"), 400, PATH, null);
        assertProblem(post(PATH, ""), 400, PATH, null);
        assertProblem(post(PATH, "null"), 400, PATH, null);
        assertNoServiceCalled(context);
    }

    @Test
    void refusesAWrongContentTypeAcceptOrMethod() {
        String json = body("\"rm-a-abc123\"", "\"rm-a-def456\"", "[\"sales\"]");
        assertProblem(
                mvc.post()
                        .uri(PATH)
                        .header("X-API-Key", GatewayApi.TEAM_A)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(json)
                        .exchange(),
                415,
                PATH,
                null);
        assertProblem(
                mvc.post()
                        .uri(PATH)
                        .header("X-API-Key", GatewayApi.TEAM_A)
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.IMAGE_PNG)
                        .content(json)
                        .exchange(),
                406,
                PATH,
                null);
        String one = PATH + "/" + UUID.randomUUID();
        assertProblem(
                mvc.delete().uri(one).header("X-API-Key", GatewayApi.TEAM_A).exchange(), 405, one, null);
        assertNoServiceCalled(context);
    }

    static String body(String source, String target, String databases) {
        return "{\"sourceInstanceId\":" + source + ",\"targetInstanceId\":" + target + ",\"databases\":" + databases
                + "}";
    }

    private MvcTestResult get(String path) {
        return mvc.get().uri(path).header("X-API-Key", GatewayApi.TEAM_A).exchange();
    }

    private MvcTestResult post(String path, String body) {
        return mvc.post()
                .uri(path)
                .header("X-API-Key", GatewayApi.TEAM_A)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }
}
