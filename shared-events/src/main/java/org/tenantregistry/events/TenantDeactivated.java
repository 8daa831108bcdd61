package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/** The tenant was deactivated, {@code active} to {@code deactivated}; its members get {@code user_status}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantDeactivated(UUID tenantId, MemberStatus userStatus) implements TenantEvent {
}
