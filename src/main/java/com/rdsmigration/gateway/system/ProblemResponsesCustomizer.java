package com.rdsmigration.gateway.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the RFC 9457 problem every error answers with, and the error statuses of every API operation, so that
 * teams see in Swagger UI what can go wrong and how it looks.
 */
@Component
class ProblemResponsesCustomizer implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";

    private static final Map<String, String> ANY_CALL = Map.of(
            "400", "Invalid request: `errors` names each offending field.",
            "401", "No or wrong X-API-Key.",
            "429", "A rate limit or quota was reached; retry after `Retry-After` seconds.");
    private static final Map<String, String> READ = Map.of("404", "Not found, or not your team's.");
    private static final Map<String, String> WRITE = Map.of(
            "403",
            "An instance the call names is not your team's (type `...:instance-not-owned`, naming the instance);"
                    + " nothing was sent upstream.",
            "404",
            "Not found, or not your team's.",
            "409",
            "The task's state does not allow this, or the upstream refused it for the instance's state.",
            "413",
            "Request body over 10 MB.",
            "415",
            "Send `Content-Type: application/json`.",
            "422",
            "The upstream refused the parameters; see `upstreamCode` and `recommendedAction`.",
            "502",
            "The upstream answered with an error the gateway cannot fix (see `upstreamCode`).",
            "503",
            "The upstream is unavailable, or the ownership of an instance cannot be learned from it now; retry after"
                    + " `Retry-After` seconds.");

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> document(method, operation));
            }
        });
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>(ANY_CALL);
        errors.putAll(method == PathItem.HttpMethod.GET ? READ : WRITE);
        errors.forEach(
                (status, description) -> operation.getResponses().putIfAbsent(status, problemResponse(description)));
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().example("source.port"))
                .addProperty("message", new StringSchema().example("must be less than or equal to 65535"));
        return new ObjectSchema()
                .description("An RFC 9457 problem. Switch on `type`; it never changes.")
                .addProperty("type", new StringSchema().example("urn:rds-migration-gateway:problem:validation-failed"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("The request has 1 invalid field(s)."))
                .addProperty("instance", new StringSchema().example("/api/v1/cloud-migration-prechecks"))
                .addProperty("requestId", new StringSchema().description("The X-Request-Id of the call."))
                .addProperty("code", new StringSchema().description("A gateway code, where one applies."))
                .addProperty("upstreamCode", new StringSchema().example("IncorrectDBInstanceState"))
                .addProperty("upstreamRequestId", new StringSchema().example("5A77D650-27A1-4E08-AD9E-59008EDB6927"))
                .addProperty("recommendedAction", new StringSchema().example("Check the instance's engine and state."))
                .addProperty("errors", new ArraySchema().items(fieldError));
    }
}
