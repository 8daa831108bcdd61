package org.tenantregistry.command.tenant;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How strictly a tenant document binds, for request bodies and for a merged JSON Merge Patch alike: a value is taken
 * as written or refused, never guessed at. A misspelt field silently ignored would be a change silently lost; a
 * duplicate key, a change of which only the last copy counts; {@code "50"} or {@code 1.5} for an integer,
 * {@code "true"} for a boolean, {@code 12} or {@code true} for a string are a client's bug, to be told, not papered
 * over.
 */
public final class StrictJson {

    private static final LogicalType[] SCALARS = {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean};

    private StrictJson() {
    }

    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType scalar : SCALARS) {
            builder.withCoercionConfig(scalar, config -> config
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
        }
        builder.withCoercionConfig(LogicalType.Boolean, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
        builder.withCoercionConfig(LogicalType.Textual, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        builder.withCoercionConfig(LogicalType.Enum, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
        return builder;
    }
}
