package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** A deactivated tenant was activated again, {@code deactivated} to {@code active}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantActivated(UUID tenantId) implements TenantEvent {
}
