package org.tenantregistry.command.tenant;

import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396) over a tenant's flat document ({@link TenantDocument}): the current draft is written as
 * the document a client reads, the patch merged into it, and the result bound by {@link TenantDocumentReader}, so a
 * patch is held to the same rules as a PUT and reports every fault at once.
 */
final class TenantMergePatch {

    private static final JsonMapper JSON = StrictJson.configure(JsonMapper.builder()).build();

    private TenantMergePatch() {
    }

    @SuppressWarnings("unchecked")
    static TenantDraft apply(TenantDraft current, Map<String, Object> patch) {
        Map<String, Object> document = JSON.convertValue(TenantDocument.of(current), LinkedHashMap.class);
        if (patch.containsKey("active") && !patch.containsKey("status")) {
            // seed 003 switches the lifecycle with active alone: the current status must not contradict it
            document.remove("status");
        }
        return TenantDocumentReader.read(merge(document, patch));
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
