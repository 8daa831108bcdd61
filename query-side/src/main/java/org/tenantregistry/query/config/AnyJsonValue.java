package org.tenantregistry.query.config;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

import java.util.Iterator;

/**
 * A Java {@code Object} in an answer (the values of a tenant's {@code settings}) is any JSON value: a boolean, a list,
 * a number, an object. swagger-core documents it as an object, which a validator then holds against every boolean.
 */
class AnyJsonValue implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (Json.mapper().constructType(type.getType()).getRawClass() == Object.class) {
            return new Schema<>().description("any JSON value");
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }
}
