package com.rdsmigration.gateway.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the headers that filters, not controllers, put on the API's exchanges, so no controller can forget them:
 * the {@code X-Request-Id} a caller may send and every answer echoes; the caller's request budget
 * ({@code RateLimit-*}) on every answer but a 401, which knows no caller; the challenge of a 401; and the
 * {@code Location} of a 201, which every create answers with.
 * {@code Retry-After} goes with the problems that carry it ({@link ProblemResponses}).
 */
@Component
class AnswerHeadersCustomizer implements OpenApiCustomizer {

    private static final String HEADERS = "#/components/headers/";
    private static final String REQUEST_ID_PARAMETER = "RequestId";
    private static final List<String> BUDGET = List.of(
            OpenApiConfiguration.RATE_LIMIT_LIMIT,
            OpenApiConfiguration.RATE_LIMIT_REMAINING,
            OpenApiConfiguration.RATE_LIMIT_RESET);

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addParameters(REQUEST_ID_PARAMETER, requestIdParameter());
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(this::document));
    }

    private void document(Operation operation) {
        boolean named = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(parameter ->
                                ("#/components/parameters/" + REQUEST_ID_PARAMETER).equals(parameter.get$ref()));
        if (!named) {
            operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + REQUEST_ID_PARAMETER));
        }
        operation.getResponses().forEach((status, response) -> {
            reference(response, OpenApiConfiguration.REQUEST_ID);
            if (status.equals("201")) {
                reference(response, OpenApiConfiguration.LOCATION); // every create names what it created
            }
            if (status.equals("401")) {
                response.addHeaderObject("WWW-Authenticate", challenge());
            } else {
                BUDGET.forEach(header -> reference(response, header));
            }
        });
    }

    private static void reference(ApiResponse response, String header) {
        response.addHeaderObject(header, new Header().$ref(HEADERS + header));
    }

    private static Parameter requestIdParameter() {
        return new HeaderParameter()
                .name(OpenApiConfiguration.REQUEST_ID)
                .required(false)
                .description("Your id for the call, echoed on the answer and kept in its audit events as"
                        + " `correlationId`: 1 to " + CorrelationId.MAX_LENGTH + " letters, digits and `._:-`. Any"
                        + " other printable ASCII value is replaced by an id the gateway makes (the answer's"
                        + " `X-Request-Id` says which); one that is not printable ASCII is refused with 400.")
                // Any printable ASCII value is accepted; the request line and headers are at most 16 KB together.
                .schema(new StringSchema().maxLength(16 * 1024).pattern("^[\\x20-\\x7E]*$"))
                .example(ProblemResponses.EXAMPLE_REQUEST_ID);
    }

    private static Header challenge() {
        return new Header()
                .description("The schemes to authenticate with: the API key, and `Bearer` when JWTs are accepted"
                        + " (`Bearer error=\"invalid_token\"` for a token that is not valid).")
                .schema(new StringSchema()
                        ._enum(List.of("ApiKey header=\"X-API-Key\"", "Bearer", "Bearer error=\"invalid_token\"")))
                .example("ApiKey header=\"X-API-Key\"");
    }
}
