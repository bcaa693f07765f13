package com.rdsmigration.gateway.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns the {@link Nullable} of a request or response record's field into the document's OAS 3.1 type union
 * ({@code type: [string, "null"]}, or {@code oneOf} a reference and {@code null}), so that the nullability clients are
 * generated from is the one the code is checked against. A field a request must carry ({@code @NotNull},
 * {@code @NotBlank}, {@code @NotEmpty}) is never null for the API, and one written only when it has a value
 * ({@code @JsonInclude(NON_NULL)}) is absent rather than null: neither gets the union.
 */
@Component
class NullableFieldsConverter implements ModelConverter {

    private static final String NULL = "null";

    private final Map<String, List<String>> alwaysWritten = new ConcurrentHashMap<>();

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (schema == null || type.getType() == null) {
            return schema;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        // Resolved as a reference, the record's model is among the context's definitions.
        Schema<?> model = schema.get$ref() == null
                ? schema
                : context.getDefinedModels()
                        .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        if (raw.isRecord() && model != null && model.getProperties() != null) {
            List<String> written = new ArrayList<>();
            for (RecordComponent component : raw.getRecordComponents()) {
                Schema<?> property = model.getProperties().get(component.getName());
                if (property == null) {
                    continue;
                }
                if (mayBeNull(component)) {
                    model.getProperties().put(component.getName(), nullable(property));
                }
                if (include(component) == JsonInclude.Include.ALWAYS) {
                    written.add(component.getName());
                }
            }
            String name = schema.get$ref() == null
                    ? schema.getName()
                    : schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (name != null) {
                alwaysWritten.put(name, List.copyOf(written));
            }
        }
        return schema;
    }

    /**
     * The fields of the record behind a schema that its JSON always has, null or not; empty when the schema is not a
     * record's.
     */
    List<String> alwaysWritten(String schema) {
        return alwaysWritten.getOrDefault(schema, List.of());
    }

    static boolean mayBeNull(RecordComponent component) {
        if (!component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
            return false;
        }
        // Constraints are kept on the accessor (and the field), not on the record component itself.
        Method accessor = component.getAccessor();
        if (accessor.isAnnotationPresent(NotNull.class)
                || accessor.isAnnotationPresent(NotBlank.class)
                || accessor.isAnnotationPresent(NotEmpty.class)) {
            return false;
        }
        return include(component) == JsonInclude.Include.ALWAYS;
    }

    /** When Jackson writes the field: always, unless the record says otherwise. */
    private static JsonInclude.Include include(RecordComponent component) {
        JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
        if (include == null) {
            include = fieldAnnotation(component);
        }
        return include == null ? JsonInclude.Include.ALWAYS : include.value();
    }

    private static @Nullable JsonInclude fieldAnnotation(RecordComponent component) {
        try {
            return component
                    .getDeclaringRecord()
                    .getDeclaredField(component.getName())
                    .getAnnotation(JsonInclude.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    /** The property, or null: a union of types, or {@code oneOf} it and {@code null} where it is a reference. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> nullable(Schema<?> property) {
        if (property.get$ref() != null) {
            Schema reference = new Schema<>().$ref(property.get$ref());
            Schema wrapper = new Schema<>().description(property.getDescription());
            wrapper.setOneOf(List.of(reference, new Schema<>().types(Set.of(NULL))));
            return wrapper;
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        if (types.isEmpty() || types.contains(NULL)) {
            return property;
        }
        types.add(NULL);
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }
}
