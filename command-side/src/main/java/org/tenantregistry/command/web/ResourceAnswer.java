package org.tenantregistry.command.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.tenantregistry.command.resource.RegisteredResource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The answer to a registration or a release of a tenant's resource. */
@Schema(description = "What changed, the resource (on a registration) and the tenant's version after the write",
        example = """
                {"message": "Extension registered successfully.", \
                "data": {"id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "tenant_id": "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20", "number": "100", "name": "Reception"}, \
                "version": 3}""")
record ResourceAnswer(
        @Schema(requiredMode = REQUIRED, example = "Extension registered successfully.") String message,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "the resource: its id, its tenant's id and its attributes as stored; absent on a release",
                nullable = true) Map<String, Object> data,
        @Schema(description = "number of events in the tenant's stream; also the ETag", example = "3",
                requiredMode = REQUIRED) long version) {

    static ResourceAnswer registered(UUID tenantId, RegisteredResource resource) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", resource.resourceId());
        data.put("tenant_id", tenantId);
        data.putAll(resource.attributes());
        return new ResourceAnswer(resource.kind().singular() + " registered successfully.", data, resource.version());
    }
}
