package com.rdsmigration.gateway.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the problems each API operation answers with: those every operation has, those of operations with a body,
 * the shared ones it names ({@link ProblemAnswers}) and its own ({@link ProblemCase}), each under its status with an
 * example; then gives every example the path of its operation as {@code instance}. Nothing else decides which errors
 * the document shows, so that it lists exactly what the code can answer.
 */
@Component
class ProblemResponsesCustomizer implements OperationCustomizer, OpenApiCustomizer {

    /** The id the examples' paths show. */
    static final String EXAMPLE_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ProblemAnswer.EVERY_OPERATION.forEach(answer -> ProblemResponses.add(operation, answer.toCase()));
        if (takesBody(handler)) {
            ProblemAnswer.WITH_BODY.forEach(answer -> ProblemResponses.add(operation, answer.toCase()));
        }
        ProblemAnswers named = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ProblemAnswers.class);
        if (named != null) {
            Arrays.stream(named.value())
                    .forEach(
                            answer -> ProblemResponses.add(operation, answer.toCase(named.action(), named.instance())));
        }
        AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), ProblemCase.class)
                .forEach(own -> ProblemResponses.add(
                        operation,
                        new ProblemResponses.Case(own.type(), own.name(), own.when(), own.detail(), own.retryAfter())));
        return operation;
    }

    private static boolean takesBody(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getPaths()
                .forEach((path, item) -> item.readOperations().forEach(operation -> {
                    if (operation.getResponses() != null) {
                        operation.getResponses().values().stream()
                                .filter(response -> response.getContent() != null)
                                .map(response -> response.getContent().get(ProblemResponses.MEDIA_TYPE))
                                .filter(media -> media != null && media.getExamples() != null)
                                .forEach(media -> withInstance(media, path.replace("{id}", EXAMPLE_ID)));
                    }
                }));
    }

    @SuppressWarnings("unchecked")
    private static void withInstance(MediaType media, String instance) {
        media.getExamples().values().forEach(example -> {
            if (example.getValue() instanceof Map<?, ?> body && !body.containsKey("instance")) {
                Map<String, Object> withInstance = new LinkedHashMap<>();
                ((Map<String, Object>) body).forEach((name, value) -> {
                    withInstance.put(name, value);
                    if (name.equals("detail")) {
                        withInstance.put("instance", instance);
                    }
                });
                example.setValue(withInstance);
            }
        });
    }
}
