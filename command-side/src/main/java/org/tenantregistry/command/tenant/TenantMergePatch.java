package org.tenantregistry.command.tenant;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396) over a {@link TenantDraft}: the draft is read as a JSON object, the patch merged into it,
 * and the result read back; a value of the wrong type becomes a per-field error, not a failure.
 */
final class TenantMergePatch {

    private static final JsonMapper JSON = StrictJson.configure(JsonMapper.builder()).build();

    private TenantMergePatch() {
    }

    @SuppressWarnings("unchecked")
    static TenantDraft apply(TenantDraft current, Map<String, Object> patch) {
        Map<String, Object> document = JSON.convertValue(current, LinkedHashMap.class);
        Map<String, Object> merged = merge(document, patch);
        try {
            return JSON.convertValue(merged, TenantDraft.class);
        } catch (DatabindException e) {
            throw new InvalidTenantException(JsonFieldError.of(e)
                    .orElse(new JsonFieldError("body", "is not a tenant document"))
                    .asErrors());
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
}
