package com.rdsmigration.gateway.idempotency;

import com.rdsmigration.gateway.logging.ShownOnce;
import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.security.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Applies {@code Idempotency-Key} to POSTs under {@code /api/v1}. It runs behind Spring Security, so only an
 * authenticated caller's key is ever stored, scoped to the caller (its team and its API key's name or token's
 * subject), so one caller's answer is never replayed to another. The first request with a key runs while
 * its key is marked running; its answer is then remembered or the key released (see {@link AnswerPolicy}), and a
 * failure of the chain always releases it. A request whose handler {@link
 * com.rdsmigration.gateway.intent.CreatesIntent creates an intent} marks its key running in the intent's own
 * transaction ({@link IntentClaims}), after a read here has found the key free. Fields the controller marked {@link ShownOnce} (a webhook's signing
 * secret) are not kept: a replay answers without them. Requests without the header pass untouched.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String API_PREFIX = "/api/v1/";

    private final IdempotencyClaims claims;
    private final Fingerprint fingerprint;
    private final HandlerExceptionResolver problems;
    private final IntentHandlers intentHandlers;

    IdempotencyFilter(
            IdempotencyClaims claims,
            Fingerprint fingerprint,
            HandlerExceptionResolver problems,
            IntentHandlers intentHandlers) {
        this.fingerprint = fingerprint;
        this.claims = claims;
        this.problems = problems;
        this.intentHandlers = intentHandlers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !path(request).startsWith(API_PREFIX)
                || request.getHeader(IdempotencyKeyHeader.NAME) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = currentCaller();
        if (caller == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        Claim claim;
        try {
            String key = IdempotencyKeyHeader.read(request);
            body = request.getInputStream().readAllBytes();
            KeyScope scope = new KeyScope(caller.team(), caller.principal());
            String print = fingerprint.of(request.getMethod(), target(request), body);
            claim = intentHandlers.createsIntent(request)
                    ? claims.check(scope, key, print)
                    : claims.claim(scope, key, print);
        } catch (ProblemException | IOException e) {
            answerProblem(request, response, e);
            return;
        }
        HttpServletRequest withBody = new CachedBodyRequest(request, body);
        if (claim instanceof Claim.Acquired acquired) {
            run(withBody, response, chain, answer -> claims.settle(acquired, answer), () -> claims.release(acquired));
        } else if (claim instanceof Claim.Deferred deferred) {
            IntentClaims.serving(
                    deferred,
                    () -> run(
                            withBody,
                            response,
                            chain,
                            answer -> claims.settle(deferred, answer),
                            () -> claims.release(deferred)));
        } else if (claim instanceof Claim.Replay replay) {
            replay.answer().replayTo(response);
        } else if (claim instanceof Claim.Refused refused) {
            answerProblem(request, response, refused.problem());
        }
    }

    /**
     * Runs the request with its answer recorded; then {@code settle} stores or releases the key with it. A failure of
     * the chain always {@code release}s it.
     */
    private void run(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            Consumer<StoredAnswer> settle,
            Runnable release)
            throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean settled = false;
        try {
            chain.doFilter(request, recorded);
            settle.accept(StoredAnswer.of(recorded).without(ShownOnce.of(request)));
            settled = true;
        } finally {
            if (!settled) {
                release.run();
            }
            recorded.copyBodyToResponse();
        }
    }

    /** Renders a problem through the problem advice; an exception it does not know (a broken stream) propagates. */
    private void answerProblem(HttpServletRequest request, HttpServletResponse response, Exception problem)
            throws IOException {
        if (problems.resolveException(request, response, null, problem) == null) {
            if (problem instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) problem;
        }
    }

    private static @Nullable Caller currentCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller ? caller : null;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The path and query a fingerprint covers. */
    private static String target(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? path(request) : path(request) + "?" + query;
    }
}
