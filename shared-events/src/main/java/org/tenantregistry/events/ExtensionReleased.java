package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant released an extension; its number may be registered again. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExtensionReleased(UUID tenantId, UUID resourceId) implements TenantEvent {
}
