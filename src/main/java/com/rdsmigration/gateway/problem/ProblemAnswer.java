package com.rdsmigration.gateway.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The problems that more than one API operation answers with, each with the words and the example the API document
 * shows for it. The first ones apply to every operation (or every operation with a request body) and are documented
 * without being named; an operation names the others it can answer with in {@link ProblemAnswers}, and describes its
 * own situations with {@link ProblemCase}.
 */
public enum ProblemAnswer {
    // Every API operation.
    INVALID_PARAMETER(
            ProblemType.VALIDATION_FAILED,
            "A path or query parameter, or a field of the body, is invalid; `errors` names each.",
            "The request has 1 invalid field(s).",
            members("errors", List.of(members("field", "size", "message", "must be less than or equal to 200")))),
    MALFORMED_REQUEST(
            ProblemType.MALFORMED_REQUEST,
            "The query string is not valid percent-encoded UTF-8, or a checked header is not printable ASCII.",
            "The X-Request-Id header must be printable ASCII.",
            members()),
    UNAUTHENTICATED(
            ProblemType.UNAUTHENTICATED,
            "No credentials, or credentials that are not valid: an unknown `X-API-Key`, or a bearer token that is"
                    + " malformed, expired, not yet valid or not signed by the configured issuer. `WWW-Authenticate`"
                    + " names the schemes.",
            "Send your team's API key in the X-API-Key header.",
            members()),
    NO_TEAM(
            ProblemType.FORBIDDEN,
            "A valid bearer token that names no team (it lacks the team claim).",
            "The token names no team: it needs the 'team' claim.",
            members()),
    TEAM_RATE_LIMITED(
            ProblemType.RATE_LIMITED,
            "Your team is over its request rate on this replica; nothing was done. Retry after `Retry-After`"
                    + " seconds.",
            "Team team-a is over its request rate on this gateway (50 a second, 100 at once); nothing was done. Retry"
                    + " after the time given.",
            members()),
    INTERNAL_ERROR(
            ProblemType.INTERNAL_ERROR,
            "The gateway failed in a way it did not foresee; quote the `X-Request-Id` when reporting it.",
            "The gateway failed to handle the request; quote the X-Request-Id when reporting it.",
            members()),
    STORE_UNAVAILABLE(
            ProblemType.STORE_UNAVAILABLE,
            "The gateway's database cannot be reached; nothing was sent upstream. Retry after `Retry-After`"
                    + " seconds.",
            "The gateway's database is unavailable; nothing was sent upstream. Retry later.",
            members()),

    // Every API operation with a request body.
    MALFORMED_BODY(
            ProblemType.MALFORMED_REQUEST,
            "The body is missing or is not JSON.",
            "The request body is missing or is not valid JSON for this call.",
            members()),
    PAYLOAD_TOO_LARGE(
            ProblemType.PAYLOAD_TOO_LARGE,
            "The body is over 10 MB (`gateway.web.max-request-size`).",
            "The request body exceeds the limit of 10485760 bytes.",
            members()),
    UNSUPPORTED_MEDIA_TYPE(
            ProblemType.UNSUPPORTED_MEDIA_TYPE,
            "The body is not `application/json`.",
            "The API takes JSON bodies (application/json) only.",
            members()),

    // Named by the operations they apply to.
    NOT_FOUND(ProblemType.NOT_FOUND, "No such resource, or not your team's.", "No resource with this id.", members()),
    INSTANCE_NOT_OWNED(
            ProblemType.INSTANCE_NOT_OWNED,
            "An instance the call names is not your team's; `instanceId` names it. Nothing was sent upstream, and"
                    + " an audit event with outcome REFUSED records the attempt.",
            "Instance {instance} is not one of team team-a's instances; nothing was sent upstream.",
            members("instanceId", "{instance}")),
    OWNERSHIP_UNKNOWN(
            ProblemType.OWNERSHIP_UNKNOWN,
            "Whether an instance is your team's cannot be checked now: its resource group could not be read"
                    + " upstream. Nothing was sent; retry after `Retry-After` seconds.",
            "Whether instance {instance} belongs to team team-a cannot be checked now (its resource group"
                    + " could not be read upstream); nothing was sent.",
            members("instanceId", "{instance}")),
    UPSTREAM_LIMITED(
            ProblemType.RATE_LIMITED,
            "A limit on the upstream is reached: the cloud account's request rate, its daily task limit or your"
                    + " team's share of it (`refusal` QUOTA_EXCEEDED), your team's monthly budget, or the upstream"
                    + " throttled the call (`upstreamCode` Throttling...). Retry after `Retry-After` seconds.",
            "The gateway did not send {action} to the RDS OpenAPI: no permit of the upstream's write rate limit"
                    + " within 5000 ms.",
            members(
                    "refusal",
                    "RATE_LIMITED",
                    "recommendedAction",
                    "Retry after the Retry-After pause; nothing was sent upstream.")),
    UPSTREAM_REFUSED_STATE(
            ProblemType.CONFLICT,
            "The upstream refused the call for the instance's engine or state (`upstreamCode` such as"
                    + " IncorrectDBInstanceState or OperationDenied...).",
            "The RDS OpenAPI refused {action}: The instance is not in a valid state.",
            members(
                    "upstreamCode",
                    "IncorrectDBInstanceState",
                    "upstreamRequestId",
                    "5A77D650-27A1-4E08-AD9E-59008EDB6927",
                    "recommendedAction",
                    "Check the instance's engine and state.")),
    UPSTREAM_REFUSED_PARAMETERS(
            ProblemType.UNPROCESSABLE,
            "The upstream refused the parameters or does not know an instance (`upstreamCode`,"
                    + " `recommendedAction`).",
            "The RDS OpenAPI refused {action}: The specified instance is not found.",
            members(
                    "upstreamCode",
                    "InvalidDBInstanceId.NotFound",
                    "upstreamRequestId",
                    "60F9A12A-16B8-4728-B099-4CA38D32C31C",
                    "recommendedAction",
                    "Check the instance ids and the cloud account.")),
    UPSTREAM_ERROR(
            ProblemType.UPSTREAM_ERROR,
            "The upstream answered with an error the gateway cannot fix, such as a refusal of the gateway's own"
                    + " credentials; ask the gateway's operators.",
            "The RDS OpenAPI refused {action}: Specified signature is not matched with our calculation.",
            members(
                    "upstreamCode",
                    "SignatureDoesNotMatch",
                    "upstreamRequestId",
                    "3B1A0F0E-7C52-4F5B-8B4B-0E9D1E0A2C11",
                    "recommendedAction",
                    "The gateway's Alibaba Cloud credentials were refused; ask the gateway's operators to check"
                            + " them.")),
    UPSTREAM_UNAVAILABLE(
            ProblemType.UPSTREAM_UNAVAILABLE,
            "The upstream did not complete the call after retries, or the gateway holds calls back while it"
                    + " recovers (`refusal` BREAKER_OPEN or BULKHEAD_FULL); retry after `Retry-After` seconds.",
            "The RDS OpenAPI did not complete {action}: The request processing has failed due to some unknown"
                    + " error.",
            members(
                    "upstreamCode",
                    "InternalError",
                    "upstreamRequestId",
                    "0E9D1E0A-2C11-4F5B-8B4B-3B1A0F0E7C52",
                    "recommendedAction",
                    "Retry later.")),
    OUTCOME_UNKNOWN(
            ProblemType.UPSTREAM_UNAVAILABLE,
            "The upstream may have created the task without the gateway hearing of it (`outcome` UNKNOWN): it is"
                    + " kept and reconciled; read it by `taskId` later instead of sending the create again.",
            "The upstream may have accepted task 0f8fad5b-d9cb-469f-a165-70867728950e without our hearing of it."
                    + " It is kept as UNKNOWN and reconciled: read it later instead of sending it again.",
            members(
                    ProblemException.OUTCOME,
                    UpstreamOutcome.UNKNOWN.name(),
                    "taskId",
                    "0f8fad5b-d9cb-469f-a165-70867728950e"));

    /** Answered by every API operation, whether it names them or not. */
    static final List<ProblemAnswer> EVERY_OPERATION = List.of(
            INVALID_PARAMETER,
            MALFORMED_REQUEST,
            UNAUTHENTICATED,
            NO_TEAM,
            TEAM_RATE_LIMITED,
            INTERNAL_ERROR,
            STORE_UNAVAILABLE);

    /** Answered by every API operation that takes a body. */
    static final List<ProblemAnswer> WITH_BODY = List.of(MALFORMED_BODY, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE);

    private final ProblemType type;
    private final String when;
    private final String detail;
    private final Map<String, Object> members;

    ProblemAnswer(ProblemType type, String when, String detail, Map<String, Object> members) {
        this.type = type;
        this.when = when;
        this.detail = detail;
        this.members = members;
    }

    /** This answer as one case of an operation's responses, its example naming the operation's action and instance. */
    ProblemResponses.Case toCase(String action, String instance) {
        Map<String, Object> example = new LinkedHashMap<>();
        members.forEach((name, value) -> example.put(name, value.equals("{instance}") ? instance : value));
        return new ProblemResponses.Case(
                type,
                exampleName(),
                when,
                detail.replace("{action}", action).replace("{instance}", instance),
                sendsRetryAfter(),
                example);
    }

    /** This answer as one case of an operation's responses. */
    ProblemResponses.Case toCase() {
        return toCase("the call", "rm-uf6wjk5xxxxxxx");
    }

    /** Whether the gateway tells the caller when to come back: it does for every refusal of a limit or an outage. */
    private boolean sendsRetryAfter() {
        return switch (this) {
            case TEAM_RATE_LIMITED,
                    STORE_UNAVAILABLE,
                    OWNERSHIP_UNKNOWN,
                    UPSTREAM_LIMITED,
                    UPSTREAM_UNAVAILABLE,
                    OUTCOME_UNKNOWN -> true;
            default -> false;
        };
    }

    private static Map<String, Object> members(Object... namesAndValues) {
        return ProblemResponses.members(namesAndValues);
    }

    private String exampleName() {
        StringBuilder name = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }
}
