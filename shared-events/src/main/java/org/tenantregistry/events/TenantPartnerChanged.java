package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The MSP/partner managing the tenant changed; either side may be null (no partner). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantPartnerChanged(UUID tenantId, String oldPartnerId, String newPartnerId) implements TenantEvent {
}
