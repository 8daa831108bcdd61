package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant released a call queue. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QueueReleased(UUID tenantId, UUID resourceId) implements TenantEvent {
}
