package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** A suspended tenant was reactivated, {@code suspended} to {@code active}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantReactivated(UUID tenantId) implements TenantEvent {
}
