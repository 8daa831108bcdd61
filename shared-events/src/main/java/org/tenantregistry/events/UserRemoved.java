package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** A member left the tenant. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserRemoved(UUID tenantId, UUID resourceId) implements TenantEvent {
}
