package org.tenantregistry.support.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The API's records say in their types what may be null: a component marked {@link Nullable} can be null in an
 * answer, every other one never is. Every component is always sent (nulls included), so each is {@code required};
 * the {@code @Nullable} ones are also {@code nullable}; one left out when null ({@code @JsonInclude(NON_NULL)}) is
 * neither required nor null. swagger-core reads none of this, so the schemas of records are completed here, from the
 * records themselves, on both sides alike.
 */
public class RecordNullability implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (schema == null || !raw.isRecord()) {
            return schema;
        }
        Schema<?> model = schema.get$ref() == null ? schema
                : context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        if (model != null && model.getProperties() != null) {
            for (RecordComponent component : raw.getRecordComponents()) {
                describe(model, component);
            }
        }
        return schema;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describe(Schema<?> model, RecordComponent component) {
        Map<String, Schema> properties = model.getProperties();
        String name = jsonName(component);
        Schema property = properties.get(name);
        if (property == null || leftOutWhenNull(component)) {
            return;
        }
        if (model.getRequired() == null || !model.getRequired().contains(name)) {
            model.addRequiredItem(name);
        }
        if (component.getType() == Object.class) {
            // any JSON value, null included (a history's change from and to): swagger-core would say an object
            properties.put(name, new Schema<>());
            return;
        }
        if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
            // OpenAPI 3.0 ignores the siblings of a $ref: a nullable reference needs a wrapper to say so.
            properties.put(name, property.get$ref() == null ? property.nullable(true)
                    : new Schema<>().nullable(true).allOf(List.of(property)));
        }
    }

    private static boolean leftOutWhenNull(RecordComponent component) {
        JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
        return include != null && include.value() == JsonInclude.Include.NON_NULL;
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
    }
}
