package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant released a billing rate. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RateReleased(UUID tenantId, UUID resourceId) implements TenantEvent {
}
