package com.rdsmigration.gateway.idempotency;

import com.rdsmigration.gateway.system.ProblemResponses;
import com.rdsmigration.gateway.system.ProblemType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents {@code Idempotency-Key} on every operation the filter applies to (POST under {@code /api/v1}): the
 * optional header, the {@code Idempotent-Replayed} header of a replayed success, and the problems the filter answers
 * with (an invalid key, a key in use or reused, its store unreachable).
 */
@Component
final class IdempotencyOpenApi implements OperationCustomizer {

    private static final String HEADER_DESCRIPTION = "Makes the call safe to retry. The same key with the same body"
            + " within 24 hours replays the first answer (same status, body and Location, plus"
            + " `Idempotent-Replayed: true`) without calling the upstream again. Keys are scoped to you (your team and your"
            + " API key or token subject); 1 to 255"
            + " printable ASCII characters, e.g. a UUID. A refused request (4xx other than a definitive upstream"
            + " refusal, 503) does not use up its key.";

    /** What the filter answers before the operation runs, besides a replay. */
    private static final List<ProblemResponses.Case> PROBLEMS = List.of(
            new ProblemResponses.Case(
                    ProblemType.VALIDATION_FAILED,
                    "invalidIdempotencyKey",
                    "The Idempotency-Key header is empty, longer than " + IdempotencyKeyHeader.MAX_LENGTH
                            + " characters or not printable ASCII.",
                    "The Idempotency-Key header is not valid: must be 1 to 255 characters long.",
                    false,
                    ProblemResponses.members(
                            "errors",
                            List.of(ProblemResponses.members(
                                    "field",
                                    IdempotencyKeyHeader.NAME,
                                    "message",
                                    "must be 1 to 255 characters long")))),
            new ProblemResponses.Case(
                    ProblemType.CONFLICT,
                    "idempotencyKeyInProgress",
                    "A request with the same Idempotency-Key is still in progress; retry after `Retry-After`"
                            + " seconds.",
                    "A request with this Idempotency-Key is still in progress; retry once it has been answered.",
                    true),
            new ProblemResponses.Case(
                    ProblemType.UNPROCESSABLE,
                    "idempotencyKeyReused",
                    "The Idempotency-Key was already used with a different request.",
                    "This Idempotency-Key was already used for a different request; send a new key for a new"
                            + " request.",
                    false),
            new ProblemResponses.Case(
                    ProblemType.UPSTREAM_UNAVAILABLE,
                    "idempotencyStoreUnavailable",
                    "The gateway cannot reach its idempotency store; retry after `Retry-After` seconds with the"
                            + " same Idempotency-Key.",
                    "The gateway cannot reach its idempotency store; retry later with the same Idempotency-Key.",
                    true));

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!appliesTo(handler)
                || (operation.getParameters() != null
                        && operation.getParameters().stream()
                                .anyMatch(p -> IdempotencyKeyHeader.NAME.equals(p.getName())))) {
            return operation;
        }
        operation.addParametersItem(new HeaderParameter()
                .name(IdempotencyKeyHeader.NAME)
                .required(false)
                .description(HEADER_DESCRIPTION)
                .schema(new StringSchema()
                        .minLength(1)
                        .maxLength(IdempotencyKeyHeader.MAX_LENGTH)
                        .pattern("^[\\x20-\\x7E]+$"))
                .example("5f0c8e36-8a43-4a8e-9d5c-3c1d2b7e9a10"));
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        responses.forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject(
                        IdempotencyKeyHeader.REPLAYED,
                        new Header()
                                .description("`true` when this is the replay of an earlier answer to the same key.")
                                .schema(new BooleanSchema()));
            }
        });
        operation.setResponses(responses);
        PROBLEMS.forEach(problem -> ProblemResponses.add(operation, problem));
        return operation;
    }

    /** Whether the filter applies to a handler: a POST whose path lies under {@code /api/v1/}. */
    static boolean appliesTo(HandlerMethod handler) {
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        if (method == null || !Arrays.asList(method.method()).contains(RequestMethod.POST)) {
            return false;
        }
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        String[] prefixes = type == null || type.path().length == 0 ? new String[] {""} : type.path();
        String[] paths = method.path().length == 0 ? new String[] {""} : method.path();
        return Arrays.stream(prefixes)
                .anyMatch(prefix -> Arrays.stream(paths)
                        .anyMatch(path -> (prefix + path).startsWith(IdempotencyFilter.API_PREFIX)));
    }
}
