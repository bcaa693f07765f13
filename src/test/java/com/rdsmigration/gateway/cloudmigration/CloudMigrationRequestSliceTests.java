package com.rdsmigration.gateway.cloudmigration;

import static com.rdsmigration.gateway.support.WebSliceProblems.assertNoServiceCalled;
import static com.rdsmigration.gateway.support.WebSliceProblems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
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
 * The prechecks' and migrations' web layer alone refuses a bad request with a problem that names the field, before
 * CloudMigrationService is called, and passes a good one on as the caller's team. InvalidRequestSliceTests runs the
 * cases of InvalidRequests; these are others.
 */
@WebSliceTest
class CloudMigrationRequestSliceTests {

    static final String PRECHECKS = "/api/v1/cloud-migration-prechecks";
    static final String MIGRATIONS = "/api/v1/cloud-migrations";
    static final String SOURCE =
            "{\"host\":\"172.16.0.10\",\"port\":5432,\"account\":\"migratetest\",\"password\":\"pw\",\"category\":\"ecsOnVpc\"}";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CloudMigrationService service;

    @Test
    void passesAValidPrecheckToTheServiceAsTheCallersTeam() {
        given(service.createPrecheck(any(), any()))
                .willThrow(new ProblemException(ProblemType.CONFLICT, "The service answered."));

        assertProblem(post(PRECHECKS, body("\"pgm-a-abc123\"", SOURCE)), 409, PRECHECKS, null);

        then(service)
                .should()
                .createPrecheck(
                        argThat(caller -> caller.team().equals("team-a") && !caller.admin()),
                        argThat(request -> "pgm-a-abc123".equals(request.targetInstanceId())));
    }

    @Test
    void passesAMigrationReadToTheServiceAsTheCallersTeam() {
        UUID id = UUID.randomUUID();

        assertThat(get(MIGRATIONS + "/" + id)).hasStatusOk();

        then(service).should().get(argThat(caller -> caller.team().equals("team-a")), eq(TaskKind.MIGRATION), eq(id));
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("blank target", PRECHECKS, body("\" \"", SOURCE), "targetInstanceId"),
                Arguments.of("no target", MIGRATIONS, "{\"source\":" + SOURCE + "}", "targetInstanceId"),
                Arguments.of("no source", MIGRATIONS, body("\"pgm-a-abc123\"", "null"), "source"),
                Arguments.of(
                        "blank host", PRECHECKS, body("\"pgm-a-abc123\"", source("host", "\"  \"")), "source.host"),
                Arguments.of(
                        "255-character host",
                        MIGRATIONS,
                        body("\"pgm-a-abc123\"", source("host", "\"" + "h".repeat(255) + "\"")),
                        "source.host"),
                Arguments.of("no port", PRECHECKS, body("\"pgm-a-abc123\"", source("port", "null")), "source.port"),
                Arguments.of(
                        "64-character account",
                        PRECHECKS,
                        body("\"pgm-a-abc123\"", source("account", "\"" + "a".repeat(64) + "\"")),
                        "source.account"),
                Arguments.of(
                        "129-character password",
                        MIGRATIONS,
                        body("\"pgm-a-abc123\"", source("password", "\"" + "p".repeat(129) + "\"")),
                        "source.password"),
                Arguments.of(
                        "blank category",
                        MIGRATIONS,
                        body("\"pgm-a-abc123\"", source("category", "\"\"")),
                        "source.category"),
                Arguments.of(
                        "precheck id as a number",
                        MIGRATIONS,
                        "{\"targetInstanceId\":\"pgm-a-abc123\",\"source\":" + SOURCE + ",\"precheckId\":7}",
                        "precheckId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void refusesABadBodyNamingTheField(String name, String path, String body, String field) {
        assertProblem(post(path, body), 400, path, field);
        assertNoServiceCalled(context);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/api/v1/cloud-migrations/not-a-uuid, id",
        "/api/v1/cloud-migrations/not-a-uuid/switchover, id",
        "/api/v1/cloud-migration-prechecks/0f8fad5b-d9cb-469f-a165, id",
        "/api/v1/cloud-migrations?status=DONE, status",
        "/api/v1/cloud-migration-prechecks?status=SWITCHING, status",
        "/api/v1/cloud-migration-prechecks?size=0, size",
        "/api/v1/cloud-migration-prechecks?page=-1, page",
        "/api/v1/cloud-migrations?from=yesterday, from"
    })
    void refusesABadPathOrQueryNamingTheParameter(String path, String field) {
        MvcTestResult result = path.endsWith("/switchover") ? post(path, "") : get(path);

        assertProblem(result, 400, path, field);
        assertNoServiceCalled(context);
    }

    @Test
    void refusesABodyThatIsNotJsonOrAWrongContentType() {
        assertProblem(post(MIGRATIONS, "{\"targetInstanceId\": "), 400, MIGRATIONS, null);
        assertProblem(post(PRECHECKS, "[]"), 400, PRECHECKS, null);
        assertProblem(
                mvc.post()
                        .uri(PRECHECKS)
                        .header("X-API-Key", GatewayApi.TEAM_A)
                        .contentType(MediaType.APPLICATION_XML)
                        .content("<precheck/>")
                        .exchange(),
                415,
                PRECHECKS,
                null);
        assertNoServiceCalled(context);
    }

    static String body(String target, String source) {
        return "{\"targetInstanceId\":" + target + ",\"source\":" + source + "}";
    }

    static String source(String field, String json) {
        return SOURCE.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\d+)", "\"" + field + "\":" + json);
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
