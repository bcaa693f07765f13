package com.rdsmigration.gateway.rds;

import com.rdsmigration.gateway.problem.ProblemException;
import com.rdsmigration.gateway.problem.ProblemType;
import java.time.Duration;
import java.util.Set;

/**
 * How an upstream failure reads to a caller: a problem that names the upstream code and RequestId and says what to
 * do. Refusals of the gateway's own credentials are the operator's to fix, so they answer 502, not 4xx.
 */
final class RdsProblems {

    private static final Set<String> CREDENTIAL_CODE_PREFIXES = Set.of(
            "SignatureDoesNotMatch",
            "SignatureNonceUsed",
            "IncompleteSignature",
            "InvalidAccessKeyId",
            "InvalidTimeStamp",
            "InvalidSecurityToken",
            "InvalidBearerToken",
            "Forbidden.RAM",
            "ActionUnauthorized");

    private RdsProblems() {}

    static ProblemException toProblem(RdsException failure) {
        if (failure instanceof TransientRdsException refused && refused.refusal() != null) {
            return refusalProblem(refused, refused.refusal());
        }
        ProblemException problem;
        if (failure instanceof TransientRdsException transientFailure) {
            boolean throttled =
                    transientFailure.code() != null && transientFailure.code().startsWith("Throttling");
            problem = throttled
                    ? new ProblemException(
                                    ProblemType.RATE_LIMITED,
                                    "The RDS OpenAPI throttled " + failure.action() + "; retry after a pause.")
                            .retryAfter(Duration.ofSeconds(1))
                    : new ProblemException(
                                    ProblemType.UPSTREAM_UNAVAILABLE,
                                    "The RDS OpenAPI did not complete " + failure.action() + ": "
                                            + failure.upstreamMessage())
                            .retryAfter(Duration.ofSeconds(5));
        } else {
            problem = new ProblemException(
                    typeOf(failure), "The RDS OpenAPI refused " + failure.action() + ": " + failure.upstreamMessage());
        }
        return problem.with("upstreamCode", failure.code())
                .with("upstreamRequestId", failure.requestId())
                .with("recommendedAction", recommendedAction(failure));
    }

    /** A call the gateway did not send: nothing happened upstream, so the caller may simply try again later. */
    private static ProblemException refusalProblem(
            TransientRdsException refused, TransientRdsException.Refusal refusal) {
        ProblemType type = switch (refusal) {
            case RATE_LIMITED, QUOTA_EXCEEDED -> ProblemType.RATE_LIMITED;
            case BREAKER_OPEN, BULKHEAD_FULL -> ProblemType.UPSTREAM_UNAVAILABLE;
            case LIMITER_UNAVAILABLE, STORE_UNAVAILABLE -> ProblemType.STORE_UNAVAILABLE;
        };
        Duration retryAfter = refused.retryAfter() != null ? refused.retryAfter() : Duration.ofSeconds(1);
        return new ProblemException(
                        type,
                        "The gateway did not send " + refused.action() + " to the RDS OpenAPI: "
                                + refused.upstreamMessage() + ".")
                .retryAfter(retryAfter)
                .with("refusal", refusal.name())
                .with("recommendedAction", "Retry after the Retry-After pause; nothing was sent upstream.");
    }

    private static ProblemType typeOf(RdsException failure) {
        String code = failure.code() == null ? "" : failure.code();
        if (CREDENTIAL_CODE_PREFIXES.stream().anyMatch(code::startsWith)) {
            return ProblemType.UPSTREAM_ERROR;
        }
        int status = failure.httpStatus();
        if (status == 403 || code.startsWith("Incorrect") || code.startsWith("OperationDenied")) {
            return ProblemType.CONFLICT;
        }
        if (status == 400 || status == 404) {
            return ProblemType.UNPROCESSABLE;
        }
        return ProblemType.UPSTREAM_ERROR;
    }

    /** The seed's advice by upstream status: 400 parameters, 403 engine and state, 404 ids and account, 5xx later. */
    static String recommendedAction(RdsException failure) {
        String code = failure.code() == null ? "" : failure.code();
        if (CREDENTIAL_CODE_PREFIXES.stream().anyMatch(code::startsWith)) {
            return "The gateway's Alibaba Cloud credentials were refused; ask the gateway's operators to check them.";
        }
        return switch (failure.httpStatus()) {
            case 400 ->
                code.startsWith("Throttling")
                        ? "Retry later; the cloud account is being throttled."
                        : "Check the request parameters.";
            case 403 -> "Check the instance's engine and state.";
            case 404 -> "Check the instance ids and the cloud account.";
            case 0, 500, 502, 503, 504 -> "Retry later.";
            default -> "Check the request and retry later.";
        };
    }
}
