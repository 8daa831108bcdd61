package org.tenantregistry.support.openapi;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;

import java.util.Iterator;

/**
 * The values of a {@code Map<String, Object>} in an answer (a tenant's {@code settings}) are any JSON value: a
 * boolean, a list, a number, an object. swagger-core documents them as objects, which a validator then holds against
 * every boolean. Both sides answer such maps.
 */
public class AnyJsonValue implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType java = Json.mapper().constructType(type.getType());
        if (java.isMapLikeType() && java.getContentType().getRawClass() == Object.class) {
            return new ObjectSchema().additionalProperties(true);
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }
}
