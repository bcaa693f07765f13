package com.rdsmigration.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.security.Caller;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.ModelAndView;

/**
 * The filter around a chain that misbehaves, on the real store (H2): a failing chain never leaves its key running,
 * the chain reads the body the filter read ahead, and requests the filter does not apply to pass untouched.
 */
class IdempotencyFilterTests {

    final H2Store h2 = new H2Store();
    final List<Exception> problems = new ArrayList<>();
    final IdempotencyFilter filter = new IdempotencyFilter(
            h2.claims,
            new Fingerprint("test-fingerprint-key"),
            (request, response, handler, ex) -> {
                problems.add(ex);
                response.setStatus(
                        ex instanceof ProblemException problem
                                ? problem.problemType().status().value()
                                : 500);
                return new ModelAndView();
            },
            IntentHandlers.NONE);

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        new Caller("team-a", false, "team-a-key"), null, List.of()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static MockHttpServletRequest post(String path, String key, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.addHeader("Idempotency-Key", key);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    @Test
    void releasesTheKeyWhenTheChainFails() {
        MockHttpServletRequest request = post("/api/v1/imports", "k1", "{}");

        assertThatExceptionOfType(ServletException.class)
                .isThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
                    throw new ServletException("the handler blew up");
                }));
        assertThat(h2.rows()).isZero();

        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> filter.doFilter(
                        post("/api/v1/imports", "k1", "{}"), new MockHttpServletResponse(), (req, res) -> {
                            res.getOutputStream().write('{');
                            throw new IllegalStateException("half an answer");
                        }));
        assertThat(h2.rows()).isZero();
    }

    @Test
    void servesTheBodyItReadAheadToTheChainAndRemembersTheAnswer() throws Exception {
        List<String> seen = new ArrayList<>();
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(post("/api/v1/imports", "k1", "{\"a\": \"ü\"}"), response, (req, res) -> {
            seen.add(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            seen.add(req.getReader().readLine());
            seen.add(String.valueOf(req.getContentLength()));
            res.setContentType("application/json");
            res.getWriter().write("{\"ok\":true}");
            ((HttpServletResponse) res).setStatus(201);
        });

        assertThat(seen).containsExactly("{\"a\": \"ü\"}", "{\"a\": \"ü\"}", "11");
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentAsString()).isEqualTo("{\"ok\":true}");
        assertThat(h2.store.find(new KeyScope("team-a", "team-a-key"), "k1"))
                .hasValueSatisfying(row -> assertThat(row.completed()).isTrue());
    }

    @Test
    void neverReplaysOneCallersAnswerToAnotherCallerOfTheSameTeam() throws Exception {
        List<String> ran = new ArrayList<>();
        signInAs(new Caller("team-a", true, "alice (admin)"));
        MockHttpServletResponse toAdmin = new MockHttpServletResponse();
        filter.doFilter(post("/api/v1/imports", "k1", "{}"), toAdmin, answering("admin's answer", ran));

        signInAs(new Caller("team-a", false, "team-a-key"));
        MockHttpServletResponse toTeam = new MockHttpServletResponse();
        filter.doFilter(post("/api/v1/imports", "k1", "{}"), toTeam, answering("team's answer", ran));

        signInAs(new Caller("team-a", true, "alice (admin)"));
        MockHttpServletResponse toAdminAgain = new MockHttpServletResponse();
        filter.doFilter(post("/api/v1/imports", "k1", "{}"), toAdminAgain, answering("never", ran));

        assertThat(ran).as("the requests that ran").containsExactly("admin's answer", "team's answer");
        assertThat(toTeam.getContentAsString()).contains("team's answer");
        assertThat(toTeam.getHeader("Idempotent-Replayed")).isNull();
        assertThat(toAdminAgain.getContentAsString()).contains("admin's answer");
        assertThat(toAdminAgain.getHeader("Idempotent-Replayed")).isEqualTo("true");
    }

    static void signInAs(Caller caller) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, List.of()));
    }

    static jakarta.servlet.FilterChain answering(String answer, List<String> ran) {
        return (req, res) -> {
            ran.add(answer);
            res.setContentType("application/json");
            res.getWriter().write("{\"answer\":\"" + answer + "\"}");
            ((HttpServletResponse) res).setStatus(201);
        };
    }

    @Test
    void passesRequestsItDoesNotApplyToUntouched() throws Exception {
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/v1/imports");
        get.addHeader("Idempotency-Key", "k1");
        MockHttpServletRequest elsewhere = post("/rds-simulator/_control/reset", "k1", "");
        MockHttpServletRequest withoutKey = new MockHttpServletRequest("POST", "/api/v1/imports");

        assertThat(filter.shouldNotFilter(get)).isTrue();
        assertThat(filter.shouldNotFilter(elsewhere)).isTrue();
        assertThat(filter.shouldNotFilter(withoutKey)).isTrue();
        assertThat(filter.shouldNotFilter(post("/api/v1/imports", "k1", "{}"))).isFalse();
    }

    @Test
    void letsARequestWithoutAKnownCallerThroughWithoutAKey() throws Exception {
        SecurityContextHolder.clearContext();
        List<String> calls = new ArrayList<>();

        filter.doFilter(
                post("/api/v1/imports", "k1", "{}"), new MockHttpServletResponse(), (req, res) -> calls.add("chain"));

        assertThat(calls).containsExactly("chain");
        assertThat(h2.rows()).isZero();
    }

    @Test
    void refusesAnEmptyKeyWithoutReadingTheBody() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/imports") {
            @Override
            public ServletInputStream getInputStream() {
                throw new AssertionError("the body must not be read");
            }
        };
        request.addHeader("Idempotency-Key", "");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {});

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(problems).singleElement().isInstanceOf(ProblemException.class);
        assertThat(h2.rows()).isZero();
    }

    @Test
    void handsAFailureToReadTheBodyToTheProblemAdvice() throws Exception {
        IOException tooLarge = new IOException("The request body exceeds the limit");
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/imports") {
            @Override
            public ServletInputStream getInputStream() {
                return new DelegatingServletInputStream(new ByteArrayInputStream(new byte[0])) {
                    @Override
                    public byte[] readAllBytes() throws IOException {
                        throw tooLarge;
                    }
                };
            }
        };
        request.addHeader("Idempotency-Key", "k1");
        List<String> calls = new ArrayList<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> calls.add("chain"));

        assertThat(problems).containsExactly(tooLarge);
        assertThat(calls).isEmpty();
        assertThat(h2.rows()).isZero();
    }
}
