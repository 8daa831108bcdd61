package org.tenantregistry.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ResponseEntity;

import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The answer to a write: which tenant, and its version after the write (also the {@code ETag}). */
@Schema(description = "The tenant's version after the write; send it back in If-Match to make the next write conditional",
        example = "{\"id\": \"6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20\", \"version\": 4}")
public record TenantVersion(
        @Schema(description = "the tenant's id", requiredMode = REQUIRED) UUID id,
        @Schema(description = "number of events in the tenant's stream; also the ETag", example = "4",
                requiredMode = REQUIRED) long version) {

    /** 200 with the version in the body and, strong, in the {@code ETag}. */
    static ResponseEntity<TenantVersion> ok(UUID id, long version) {
        return ResponseEntity.ok().eTag(VersionTags.etag(version)).body(new TenantVersion(id, version));
    }
}
