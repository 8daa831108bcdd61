package org.tenantregistry.query.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tenantregistry.support.web.DomainRepresentation;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** A tenant's custom domains, wrapped as the resource lists are. */
@Schema(name = "CustomDomainList")
record DomainListResponse(
        @Schema(requiredMode = REQUIRED, example = "Domains fetched successfully.") String message,
        @Schema(requiredMode = REQUIRED, description = "In the order they were added") List<DomainRepresentation> data) {

    static DomainListResponse of(List<DomainRepresentation> domains) {
        return new DomainListResponse("Domains fetched successfully.", domains);
    }
}
