package com.rdsmigration.gateway.audit;

import static com.rdsmigration.gateway.support.WebSliceProblems.assertNoServiceCalled;
import static com.rdsmigration.gateway.support.WebSliceProblems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.then;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The audit API's web layer alone refuses a bad filter or page with a problem that names the parameter, before the
 * audit store is read, and reads a good one for the caller's team only.
 */
@WebSliceTest
class AuditRequestSliceTests {

    static final String PATH = "/api/v1/audit-events";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditStore store;

    @Test
    void readsAGoodPageForTheCallersTeamOnly() {
        MvcTestResult result = get(PATH + "?team=team-b&outcome=FAILED&size=5");

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.items").asArray().isEmpty();
        then(store)
                .should()
                .page(argThat(query ->
                        "team-a".equals(query.team()) && query.outcome() == AuditOutcome.FAILED && query.size() == 5));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/api/v1/audit-events?size=0, size",
        "/api/v1/audit-events?size=201, size",
        "/api/v1/audit-events?size=many, size",
        "/api/v1/audit-events?outcome=MAYBE, outcome",
        "/api/v1/audit-events?from=yesterday, from",
        "/api/v1/audit-events?to=2026-13-01T00:00:00Z, to",
        "/api/v1/audit-events?pageToken=bm90LWEtdG9rZW4, pageToken"
    })
    void refusesABadFilterOrPageNamingTheParameter(String path, String field) {
        assertProblem(get(path), 400, path, field);
        assertNoServiceCalled(context);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"action", "team", "resourceId"})
    void refusesAFilterLongerThanAnyIdNamingIt(String field) {
        String path = PATH + "?" + field + "=" + "x".repeat(129);

        assertProblem(get(path), 400, path, field);
        assertNoServiceCalled(context);
    }

    @Test
    void refusesAPageTokenLongerThanAnyItGivesOut() {
        String path = PATH + "?pageToken=" + "A".repeat(PageToken.MAX_LENGTH + 1);

        assertProblem(get(path), 400, path, "pageToken");
        assertNoServiceCalled(context);
    }

    private MvcTestResult get(String path) {
        return mvc.get().uri(path).header("X-API-Key", GatewayApi.TEAM_A).exchange();
    }
}
