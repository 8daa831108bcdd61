package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/**
 * The tenant registered a call queue: {@code name} is unique within the tenant, {@code strategy} one of
 * {@code ringall}, {@code roundrobin}, {@code leastrecent}, {@code fewestcalls}, {@code random}, {@code linear}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QueueRegistered(UUID tenantId, UUID resourceId, String name, String strategy) implements TenantEvent {
}
