package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant was removed for good: read models drop it, its slug and domains are released. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantPurged(UUID tenantId) implements TenantEvent {
}
