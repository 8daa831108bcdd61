package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant's primary domain changed; either side may be null (no primary domain). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantDomainChanged(UUID tenantId, String oldDomain, String newDomain) implements TenantEvent {
}
