package com.rdsmigration.gateway.imports;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents an import's {@code databases} exactly as {@link DatabaseNames} checks it: either an array of unique names
 * or an object mapping source to target names, 1 to {@value DatabaseNames#MAX_DATABASES} of them, each a SQL Server
 * identifier. A {@code oneOf} of the two forms, which no value can match both of (an annotation cannot say this).
 */
@Component
class DatabasesSchema implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        Schema<?> request = openApi.getComponents().getSchemas().get("CreateImportRequest");
        if (request == null || request.getProperties() == null) {
            return;
        }
        Schema<?> annotated = request.getProperties().get("databases");
        Schema<Object> databases = new Schema<>();
        databases.setDescription(annotated.getDescription());
        Map<String, String> example = new LinkedHashMap<>();
        example.put("sales", "sales");
        example.put("crm", "crm_2024");
        databases.setExample(example);
        databases.setOneOf(List.of(
                new ArraySchema()
                        .items(name())
                        .minItems(1)
                        .maxItems(DatabaseNames.MAX_DATABASES)
                        .uniqueItems(true)
                        .description("The same name on both sides."),
                new ObjectSchema()
                        .propertyNames(name())
                        .additionalProperties(name())
                        .minProperties(1)
                        .maxProperties(DatabaseNames.MAX_DATABASES)
                        .description("Source name to target name; the target names are unique too.")));
        request.getProperties().put("databases", databases);
    }

    /**
     * A SQL Server database name, as {@link DatabaseNames} accepts it. Its character rule is told in words, not as a
     * {@code pattern}: it needs Unicode letter classes, which many JSON Schema validators do not read.
     */
    static Schema<?> name() {
        return new StringSchema()
                .minLength(1)
                .maxLength(DatabaseNames.MAX_NAME_LENGTH)
                .description(DatabaseNames.NAME_RULE);
    }
}
