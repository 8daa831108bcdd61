package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant's display name changed. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantRenamed(UUID tenantId, String oldName, String newName) implements TenantEvent {
}
