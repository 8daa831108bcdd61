package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** DNS proved that the tenant controls the domain: the public branding answers for it from now on. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CustomDomainVerified(UUID tenantId, UUID domainId, String domain, DnsCheck check)
        implements TenantEvent {
}
