package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant's IANA time zone changed. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantTimezoneChanged(UUID tenantId, String oldTimezone, String newTimezone) implements TenantEvent {
}
