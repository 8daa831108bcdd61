package org.tenantregistry.query.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tenantregistry.query.resource.TenantResource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** A tenant's resources of one kind, as seed 000's relations: each flat, with its id, tenant and attributes. */
record ResourceListResponse(
        @Schema(requiredMode = REQUIRED, example = "Extensions fetched successfully.") String message,
        @Schema(requiredMode = REQUIRED, description = "id, tenant_id, the kind's attributes and created_at, in "
                + "registration order") List<Map<String, Object>> data) {

    static ResourceListResponse of(String kind, List<TenantResource> resources) {
        String message = Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " fetched successfully.";
        return new ResourceListResponse(message.replace("Dids", "DIDs"),
                resources.stream().map(ResourceListResponse::entry).toList());
    }

    /** One resource as the API shows it: in these lists, and in a tenant's relations in its show answer. */
    static Map<String, Object> entry(TenantResource resource) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", resource.id());
        entry.put("tenant_id", resource.tenantId());
        entry.putAll(resource.attributes());
        entry.put("created_at", resource.registeredAt());
        return entry;
    }
}
