package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/**
 * The tenant was suspended, {@code active} to {@code suspended}, for the given reason; null when the client gave none
 * (the replaced APIs suspend through {@code status} alone).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantSuspended(UUID tenantId, String reason) implements TenantEvent {
}
