package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant's branding changed; it carries the whole new branding. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantBrandingChanged(UUID tenantId, Branding branding) implements TenantEvent {
}
