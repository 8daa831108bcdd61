package org.tenantregistry.command.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.tenantregistry.command.domain.CustomDomain;
import org.tenantregistry.command.domain.DomainState;
import org.tenantregistry.support.web.DomainRepresentation;

import java.time.Instant;
import java.util.UUID;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The answer to a write of a custom domain: what happened, the domain as the write left it, the tenant's version. */
@Schema(description = "What changed, the domain (absent on a removal) and the tenant's version after the write")
record DomainAnswer(
        @Schema(requiredMode = REQUIRED, example = "Domain added: create one of the records, then verify it.")
        String message,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true) DomainRepresentation data,
        @Schema(description = "number of events in the tenant's stream; also the ETag", example = "3",
                requiredMode = REQUIRED) long version) {

    static DomainAnswer of(String message, UUID tenantId, DomainState state, Instant now) {
        CustomDomain domain = state.domain();
        DomainRepresentation.Facts facts = new DomainRepresentation.Facts(domain.id(), tenantId, domain.name(),
                domain.verified(), state.primary(), domain.token(), domain.tokenExpiresAt(), state.cnameTarget(),
                domain.lastCheck(), domain.consecutiveFailures(), domain.lastCheckedAt(), domain.verifiedAt(),
                domain.createdAt(), domain.updatedAt());
        return new DomainAnswer(message, DomainRepresentation.of(facts, now), state.version());
    }
}
