package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant was soft-deleted; {@code previous_status} is what a restore brings back. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantDeleted(UUID tenantId, TenantStatus previousStatus) implements TenantEvent {
}
