package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant's extension quota changed. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantMaxExtensionsChanged(UUID tenantId, int oldMaxExtensions, int newMaxExtensions) implements TenantEvent {
}
