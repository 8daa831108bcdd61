package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant registered an extension: {@code number} is unique within the tenant, {@code name} may be null. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExtensionRegistered(UUID tenantId, UUID resourceId, String number, String name) implements TenantEvent {
}
