package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.UUID;

/**
 * A member joined the tenant: {@code email} (lower-cased) is unique within the tenant; {@code status} is what a
 * deactivation's {@code user_status} later overrides.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserAdded(UUID tenantId, UUID resourceId, String email, MemberStatus status) implements TenantEvent {
}
