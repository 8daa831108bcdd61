package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant's profile (description, address) changed; it carries the whole new profile. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantProfileChanged(UUID tenantId, Profile profile) implements TenantEvent {
}
