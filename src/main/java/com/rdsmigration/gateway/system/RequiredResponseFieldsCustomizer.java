package com.rdsmigration.gateway.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Marks every field an answer always carries as {@code required}, so that a generated client reads "present, maybe
 * null" where the document says {@code type: [T, "null"]}, and not "maybe missing". Only for schemas that are answers
 * only: in a request body, {@code required} means what the caller must send, which the validation annotations say.
 */
@Component
class RequiredResponseFieldsCustomizer implements OpenApiCustomizer {

    private static final String SCHEMAS = "#/components/schemas/";

    private final NullableFieldsConverter records;

    RequiredResponseFieldsCustomizer(NullableFieldsConverter records) {
        this.records = records;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> inRequests = reachable(
                schemas,
                openApi.getPaths().values().stream()
                        .flatMap(item -> item.readOperations().stream())
                        .filter(operation -> operation.getRequestBody() != null)
                        .map(operation -> operation.getRequestBody().getContent()));
        schemas.forEach((name, schema) -> {
            List<String> written = records.alwaysWritten(name);
            if (!written.isEmpty() && !inRequests.contains(name)) {
                Set<String> required = new LinkedHashSet<>(written);
                if (schema.getRequired() != null) {
                    required.addAll(schema.getRequired());
                }
                schema.setRequired(List.copyOf(required));
            }
        });
    }

    /** The names of the component schemas the contents refer to, directly or through other schemas. */
    private static Set<String> reachable(Map<String, Schema> schemas, Stream<Content> contents) {
        Set<String> names = new HashSet<>();
        Deque<Schema<?>> pending = new ArrayDeque<>();
        contents.forEach(content -> content.values().forEach(media -> pending.add(media.getSchema())));
        while (!pending.isEmpty()) {
            Schema<?> schema = pending.pop();
            if (schema == null) {
                continue;
            }
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(SCHEMAS.length());
                if (names.add(name) && schemas.get(name) != null) {
                    pending.add(schemas.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(pending::add);
            }
            if (schema.getItems() != null) {
                pending.add(schema.getItems());
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                pending.add(values);
            }
            Stream.of(schema.getOneOf(), schema.getAnyOf(), schema.getAllOf())
                    .filter(list -> list != null)
                    .forEach(list -> list.forEach(pending::add));
        }
        return names;
    }
}
