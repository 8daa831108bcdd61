package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.Map;
import java.util.UUID;

/** The tenant's settings object changed; it carries the whole new object. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantSettingsChanged(UUID tenantId, Map<String, Object> settings) implements TenantEvent {
}
