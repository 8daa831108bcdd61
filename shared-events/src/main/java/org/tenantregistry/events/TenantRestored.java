package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** A soft-deleted tenant was restored to {@code status}, the status it had before the delete. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantRestored(UUID tenantId, TenantStatus status) implements TenantEvent {
}
