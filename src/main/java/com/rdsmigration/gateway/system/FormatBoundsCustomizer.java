package com.rdsmigration.gateway.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives every string of a fixed format the lengths that format allows, wherever it is in the document (fields, path and
 * query parameters, headers): a UUID is 36 characters; a date 10; a date-time as the gateway writes and reads it (ISO
 * 8601, years 1970 to 9999, at most nanoseconds, {@code Z} or an offset) at most 35. Springdoc runs the document's
 * customizers in no fixed order, so a schema another customizer adds states its own lengths.
 */
@Component
class FormatBoundsCustomizer implements OpenApiCustomizer {

    private static final Map<String, int[]> LENGTHS = Map.of(
            "uuid", new int[] {36, 36},
            "date", new int[] {10, 10},
            // At most 2026-11-25T08:00:00.123456789+08:00; the parsers take shorter forms than 2026-11-25T08:00:00Z.
            "date-time", new int[] {0, 35});

    @Override
    public void customise(OpenAPI openApi) {
        Set<Schema<?>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        if (openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().values().forEach(schema -> bound(schema, seen));
        }
        if (openApi.getComponents().getParameters() != null) {
            openApi.getComponents().getParameters().values().forEach(parameter -> bound(parameter.getSchema(), seen));
        }
        if (openApi.getComponents().getHeaders() != null) {
            openApi.getComponents().getHeaders().values().forEach(header -> bound(header.getSchema(), seen));
        }
        openApi.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .forEach(operation -> bound(operation, seen));
    }

    private static void bound(Operation operation, Set<Schema<?>> seen) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> bound(parameter.getSchema(), seen));
        }
        if (operation.getRequestBody() != null) {
            bound(operation.getRequestBody().getContent(), seen);
        }
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(response -> {
                bound(response.getContent(), seen);
                if (response.getHeaders() != null) {
                    response.getHeaders().values().forEach(header -> bound(header.getSchema(), seen));
                }
            });
        }
    }

    private static void bound(Content content, Set<Schema<?>> seen) {
        if (content != null) {
            content.values().forEach(media -> bound(media.getSchema(), seen));
        }
    }

    @SuppressWarnings("unchecked")
    private static void bound(Schema<?> schema, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        int[] lengths = schema.getFormat() == null ? null : LENGTHS.get(schema.getFormat());
        if (lengths != null && isString(schema) && schema.getMaxLength() == null && schema.getEnum() == null) {
            schema.setMinLength(lengths[0] > 0 ? lengths[0] : null);
            schema.setMaxLength(lengths[1]);
        }
        Stream.of(
                        schema.getProperties() == null
                                ? Stream.<Schema<?>>empty()
                                : schema.getProperties().values().stream().map(s -> (Schema<?>) s),
                        Stream.of((Schema<?>) schema.getItems()),
                        schema.getAdditionalProperties() instanceof Schema<?> values
                                ? Stream.<Schema<?>>of(values)
                                : Stream.<Schema<?>>empty(),
                        nested(schema.getOneOf()),
                        nested(schema.getAnyOf()),
                        nested(schema.getAllOf()))
                .flatMap(stream -> stream)
                .forEach(child -> bound(child, seen));
    }

    private static Stream<Schema<?>> nested(List<Schema> schemas) {
        return schemas == null ? Stream.empty() : schemas.stream().map(s -> (Schema<?>) s);
    }

    private static boolean isString(Schema<?> schema) {
        return "string".equals(schema.getType())
                || (schema.getTypes() != null && schema.getTypes().contains("string"));
    }
}
