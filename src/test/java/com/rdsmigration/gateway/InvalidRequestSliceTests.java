package com.rdsmigration.gateway;

import static com.rdsmigration.gateway.support.WebSliceProblems.assertNoServiceCalled;
import static com.rdsmigration.gateway.support.WebSliceProblems.assertProblem;

import com.rdsmigration.gateway.support.GatewayApi;
import com.rdsmigration.gateway.support.WebSliceTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/**
 * The web layer alone refuses every bad request of {@link InvalidRequests} that is bad whatever is stored, with the
 * status the whole gateway answers, as a problem of ours naming the field, and calls no service.
 * InvalidRequestTests sends the same requests to the whole gateway and proves no row and no upstream call.
 */
@WebSliceTest
class InvalidRequestSliceTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @ParameterizedTest(name = "{0} -> {4}")
    @MethodSource("com.rdsmigration.gateway.InvalidRequests#refusedBeforeTheService")
    void refusesWithAProblemNamingTheFieldBeforeAnyService(
            String name, String method, String path, String body, int status, String field) {
        MockMvcRequestBuilder request = "POST".equals(method)
                ? mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(body)
                : mvc.get().uri(path);
        if (!"NOKEY".equals(method)) {
            request.header("X-API-Key", GatewayApi.TEAM_A);
        }

        assertProblem(request.exchange(), status, path, field);
        assertNoServiceCalled(context);
    }
}
