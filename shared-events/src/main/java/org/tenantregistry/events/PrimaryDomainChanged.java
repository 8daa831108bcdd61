package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/**
 * A verified custom domain became the tenant's primary domain (its {@code domain} field).
 *
 * @param oldDomain the primary domain before, null when the tenant had none
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PrimaryDomainChanged(UUID tenantId, UUID domainId, String oldDomain, String newDomain)
        implements TenantEvent {
}
