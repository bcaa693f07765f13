package com.rdsmigration.gateway.quota;

import static com.rdsmigration.gateway.support.WebSliceProblems.assertNoServiceCalled;
import static com.rdsmigration.gateway.support.WebSliceProblems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.WebSliceTest;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The quota API takes no input but the caller, so what its web layer alone must refuse is the request itself: no key
 * or a wrong one, a method or an answer type it does not have, a gateway header or query nothing should parse. Each is
 * a problem and reads no usage; a request with a team's key is answered that team's figures.
 */
@WebSliceTest
class QuotaRequestSliceTests {

    static final String PATH = "/api/v1/quota";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountUsage usage;

    @Test
    void answersACallerWithATeamKeyItsTeamsFigures() {
        UsageReport.Period nothing = new UsageReport.Period(Usage.NONE, Map.of(), Map.of(), Map.of());
        LocalDate today = LocalDate.of(2026, 3, 14);
        given(usage.now()).willReturn(new UsageReport(today, today.withDayOfMonth(1), nothing, nothing));

        MvcTestResult result =
                mvc.get().uri(PATH).header("X-API-Key", GatewayApi.TEAM_A).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.team.name").isEqualTo("team-a");
        assertThat(result).bodyJson().extractingPath("$.account").isNull();
    }

    @Test
    void refusesACallerWithoutAKeyOrWithAWrongOne() {
        assertProblem(mvc.get().uri(PATH).exchange(), 401, PATH, null);
        MvcTestResult wrong =
                mvc.get().uri(PATH).header("X-API-Key", "not-a-key-of-anyone").exchange();

        assertProblem(wrong, 401, PATH, null);
        assertThat(wrong).headers().containsHeader("WWW-Authenticate");
        assertNoServiceCalled(context);
    }

    @Test
    void refusesAMethodOrAnAnswerTypeItDoesNotHave() {
        assertProblem(
                mvc.post()
                        .uri(PATH)
                        .header("X-API-Key", GatewayApi.TEAM_A)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .exchange(),
                405,
                PATH,
                null);
        assertProblem(
                mvc.get()
                        .uri(PATH)
                        .header("X-API-Key", GatewayApi.TEAM_A)
                        .accept(MediaType.TEXT_HTML)
                        .exchange(),
                406,
                PATH,
                null);
        assertNoServiceCalled(context);
    }

    @Test
    void refusesAGatewayHeaderOrAQueryNothingShouldParse() {
        MvcTestResult header = mvc.get()
                .uri(PATH)
                .header("X-API-Key", GatewayApi.TEAM_A)
                .header("X-Request-Id", "café")
                .exchange();
        assertThat(assertProblem(header, 400, PATH, null).path("detail").asString())
                .contains("X-Request-Id");

        MvcTestResult query = mvc.get()
                .uri(URI.create(PATH + "?day=%00"))
                .header("X-API-Key", GatewayApi.TEAM_A)
                .exchange();

        assertProblem(query, 400, PATH, null);
        assertNoServiceCalled(context);
    }
}
