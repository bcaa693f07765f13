package com.rdsmigration.gateway.security;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses an API request with 429 and {@code Retry-After} once its team has used up its request rate, before anything
 * else of the request runs: no idempotency key is claimed, nothing is stored, nothing goes upstream. It sits behind
 * Spring Security's filter chain, so the caller is known; requests without one (refused there already) pass.
 */
final class RequestRateLimitFilter extends OncePerRequestFilter {

    static final String METRIC = "gateway.api.requests.rate.limited";
    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";

    private final RequestRateLimiter limiter;
    private final HandlerExceptionResolver exceptionResolver;
    private final MeterRegistry meters;

    RequestRateLimitFilter(
            RequestRateLimiter limiter, HandlerExceptionResolver exceptionResolver, MeterRegistry meters) {
        this.limiter = limiter;
        this.exceptionResolver = exceptionResolver;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = Caller.current();
        Optional<RequestRateLimiter.Budget> budget = caller.flatMap(c -> limiter.take(c.team()));
        budget.ifPresent(left -> tell(left, response));
        if (budget.isEmpty() || budget.get().admitted()) {
            chain.doFilter(request, response);
            return;
        }
        String team = caller.get().team();
        Counter.builder(METRIC)
                .description("API requests refused because their team was over its request rate")
                .tag("team", team)
                .register(meters)
                .increment();
        RateLimitProperties.Limit limit = budget.get().limit();
        ProblemException problem = new ProblemException(
                        ProblemType.RATE_LIMITED,
                        "Team " + team + " is over its request rate on this gateway (" + rate(limit) + " a second, "
                                + limit.burst() + " at once); nothing was done. Retry after the time given.")
                .retryAfter(budget.get().retryAfter());
        exceptionResolver.resolveException(request, response, null, problem);
    }

    /**
     * The team's request budget on every answer, set before the request runs so that successes and problems alike
     * carry it (the names of the IETF draft "RateLimit header fields for HTTP", as the contract gives them): a client
     * paces itself instead of learning its limit from a 429.
     */
    private static void tell(RequestRateLimiter.Budget budget, HttpServletResponse response) {
        response.setHeader(LIMIT, Integer.toString(budget.limit().burst()));
        response.setHeader(REMAINING, Long.toString(budget.remaining()));
        response.setHeader(RESET, Long.toString(budget.untilFull().toSeconds()));
    }

    private static String rate(RateLimitProperties.Limit limit) {
        double rate = limit.requestsPerSecond();
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
