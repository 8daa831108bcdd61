package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant no longer has the domain; it is quarantined like a released slug before another tenant may add it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CustomDomainRemoved(UUID tenantId, UUID domainId, String domain) implements TenantEvent {
}
