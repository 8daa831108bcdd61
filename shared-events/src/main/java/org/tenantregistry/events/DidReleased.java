package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant released a DID; its number stays quarantined, like a released slug, before another tenant may take it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DidReleased(UUID tenantId, UUID resourceId) implements TenantEvent {
}
