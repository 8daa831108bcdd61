package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant's slug changed; the old one is released into quarantine. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantSlugChanged(UUID tenantId, String oldSlug, String newSlug) implements TenantEvent {
}
