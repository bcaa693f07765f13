package com.rdsmigration.gateway.problem;

import com.rdsmigration.gateway.logging.CorrelationId;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The RFC 9457 problem every error answers with, as the {@code Problem} schema: the standard members, the request id,
 * and the extension members the gateway's problems carry (each only where it applies; a member without a value is left
 * out, never sent as null).
 */
@Component
class ProblemSchema implements OpenApiCustomizer {

    static final String NAME = "Problem";

    /** Free text that may quote upstream messages or the caller's own values: bounded by nothing narrower. */
    private static final int FREE_TEXT = Integer.MAX_VALUE;

    /** The request line and headers together are at most {@code server.max-http-request-header-size} (16 KB). */
    private static final int MAX_PATH = 16 * 1024;

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(NAME, problem());
    }

    static Schema<?> problem() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty(
                        "field",
                        new StringSchema()
                                .description("The field (`source.port`, `databases`), parameter (`size`) or header"
                                        + " (`Idempotency-Key`) at fault.")
                                .minLength(1)
                                .maxLength(64)
                                .pattern("^[A-Za-z][A-Za-z0-9_.\\[\\]-]*$")
                                .example("source.port"))
                .addProperty(
                        "message",
                        new StringSchema()
                                .description("What is wrong with it; it may quote the value.")
                                .maxLength(FREE_TEXT)
                                .example("must be less than or equal to 65535"))
                .required(List.of("field", "message"));
        return new ObjectSchema()
                .description("An RFC 9457 problem. Switch on `type`; it never changes. Members other than the five"
                        + " standard ones appear only where they apply.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                ._enum(Arrays.stream(ProblemType.values())
                                        .map(type -> type.type().toString())
                                        .toList()))
                .addProperty(
                        "title",
                        new StringSchema()
                                .description("The title of the `type`; \"Request refused\" for a status no type has.")
                                ._enum(Stream.concat(
                                                Arrays.stream(ProblemType.values())
                                                        .map(ProblemType::title),
                                                Stream.of(ProblemErrorReportValve.REFUSED))
                                        .distinct()
                                        .toList()))
                .addProperty(
                        "status",
                        new IntegerSchema()
                                .minimum(BigDecimal.valueOf(400))
                                .maximum(BigDecimal.valueOf(599))
                                .description("The HTTP status of the answer."))
                .addProperty(
                        "detail",
                        new StringSchema()
                                .description("What happened, for a person to read; do not parse it.")
                                .maxLength(FREE_TEXT))
                .addProperty(
                        "instance",
                        new StringSchema()
                                .format("uri-reference")
                                .description("The path of the request; absent when the web server refused the"
                                        + " request before the gateway read it.")
                                .maxLength(MAX_PATH))
                .addProperty(
                        "requestId",
                        new StringSchema()
                                .description("The X-Request-Id of the call; absent when the web server refused the"
                                        + " request before the gateway read it.")
                                .minLength(1)
                                .maxLength(CorrelationId.MAX_LENGTH)
                                .pattern(CorrelationId.PATTERN))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("Type `validation-failed` only: each offending field or parameter.")
                                .items(fieldError)
                                .minItems(1)
                                // A few constraints per field of the largest request, which has about ten.
                                .maxItems(100))
                .addProperty(
                        "instanceId",
                        new StringSchema()
                                .description("Types `instance-not-owned` and `ownership-unknown`: the instance.")
                                .maxLength(64)
                                .pattern("^[a-z]+-[a-z0-9-]+$"))
                .addProperty(
                        "upstreamCode",
                        new StringSchema()
                                .description("The upstream's error code, when the upstream answered.")
                                .maxLength(128))
                .addProperty(
                        "upstreamRequestId",
                        new StringSchema()
                                .description("The upstream's RequestId, when the upstream answered.")
                                .maxLength(64))
                .addProperty(
                        "recommendedAction",
                        new StringSchema()
                                .description("What to do about an upstream failure.")
                                .maxLength(256))
                .addProperty(
                        "refusal",
                        new StringSchema()
                                .description("Why the gateway did not send the call upstream: the account's upstream"
                                        + " rate limit, a daily task limit or a team budget (QUOTA_EXCEEDED), an open"
                                        + " circuit breaker, too many calls in flight, the shared rate limit"
                                        + " cannot be read, or the gateway's database cannot record the call"
                                        + " before it leaves.")
                                ._enum(List.of(
                                        "RATE_LIMITED",
                                        "QUOTA_EXCEEDED",
                                        "BREAKER_OPEN",
                                        "BULKHEAD_FULL",
                                        "LIMITER_UNAVAILABLE",
                                        "STORE_UNAVAILABLE")))
                .addProperty(
                        ProblemException.OUTCOME,
                        new StringSchema()
                                .description("UNKNOWN: the upstream may have acted without the gateway hearing of it;"
                                        + " read the task by `taskId` instead of sending the create again.")
                                ._enum(Arrays.stream(UpstreamOutcome.values())
                                        .map(Enum::name)
                                        .toList()))
                .addProperty(
                        "taskId",
                        new StringSchema()
                                .format("uuid")
                                .minLength(36)
                                .maxLength(36)
                                .description("With `outcome`: the gateway id of the task kept for reconciliation."))
                .addProperty(
                        "stage",
                        new StringSchema()
                                .description("A refused switchover: the migration's stage, when it has one.")
                                .maxLength(16)
                                .pattern("^[a-z]+$"))
                .required(List.of("type", "title", "status", "detail"));
    }
}
