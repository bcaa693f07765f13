package com.rdsmigration.gateway.system;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Shows the constraints on a record's map values ({@code Map<String, @Size(max = 128) String>}) as the bounds of the
 * map's {@code additionalProperties}, as swagger-core already does for list elements but not for map values.
 */
@Component
class MapValueBoundsConverter implements ModelConverter {

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (schema == null || type.getType() == null) {
            return schema;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        Schema<?> model = schema.get$ref() == null
                ? schema
                : context.getDefinedModels()
                        .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        if (raw.isRecord() && model != null && model.getProperties() != null) {
            for (RecordComponent component : raw.getRecordComponents()) {
                Schema<?> property = model.getProperties().get(component.getName());
                if (property != null
                        && Map.class.isAssignableFrom(component.getType())
                        && component.getAnnotatedType() instanceof AnnotatedParameterizedType map
                        && property.getAdditionalProperties() instanceof Schema<?> values) {
                    bound(values, map.getAnnotatedActualTypeArguments()[1]);
                }
            }
        }
        return schema;
    }

    private static void bound(Schema<?> values, AnnotatedElement valueType) {
        Size size = valueType.getAnnotation(Size.class);
        if (size != null) {
            values.setMinLength(size.min() > 0 ? size.min() : null);
            values.setMaxLength(size.max());
        }
        Min min = valueType.getAnnotation(Min.class);
        if (min != null) {
            values.setMinimum(BigDecimal.valueOf(min.value()));
        }
        Max max = valueType.getAnnotation(Max.class);
        if (max != null) {
            values.setMaximum(BigDecimal.valueOf(max.value()));
        }
        Pattern pattern = valueType.getAnnotation(Pattern.class);
        if (pattern != null) {
            values.setPattern(pattern.regexp());
        }
    }
}
