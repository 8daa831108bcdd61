package org.tenantregistry.command.tenant;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396) over a {@link TenantDraft}: the draft is read as a JSON object, the patch merged into it,
 * and the result read back; a value of the wrong type becomes a per-field error, not a failure.
 */
final class TenantMergePatch {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // 1.5 extensions is wrong, not 1
            .build();

    private TenantMergePatch() {
    }

    @SuppressWarnings("unchecked")
    static TenantDraft apply(TenantDraft current, Map<String, Object> patch) {
        Map<String, Object> document = JSON.convertValue(current, LinkedHashMap.class);
        Map<String, Object> merged = merge(document, patch);
        try {
            return JSON.convertValue(merged, TenantDraft.class);
        } catch (UnrecognizedPropertyException e) {
            throw InvalidTenantException.of(fieldOf(e), "is not a field of a tenant");
        } catch (DatabindException e) {
            if (e.getCause() instanceof IllegalArgumentException refused && refused.getMessage() != null) {
                throw InvalidTenantException.of(fieldOf(e), refused.getMessage());
            }
            if (e instanceof MismatchedInputException mismatch) {
                throw InvalidTenantException.of(fieldOf(e), "must be " + describe(mismatch.getTargetType()));
            }
            throw InvalidTenantException.of(fieldOf(e), "has a value of the wrong type");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> result = new LinkedHashMap<>(target);
        patch.forEach((key, value) -> {
            if (value == null) {
                result.remove(key);
            } else if (value instanceof Map<?, ?> nested) {
                // RFC 7396: an object merges into the member, or into {} when the member is no object
                Map<String, Object> existing = result.get(key) instanceof Map<?, ?> map
                        ? (Map<String, Object>) map : Map.of();
                result.put(key, merge(existing, (Map<String, Object>) nested));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    /** Says what a field takes in the API's words, not Java's. */
    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another type";
    }

    private static String fieldOf(DatabindException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() == null
                        ? String.valueOf(reference.getIndex()) : reference.getPropertyName())
                .reduce((parent, child) -> parent + "." + child)
                .orElse("body");
    }
}
