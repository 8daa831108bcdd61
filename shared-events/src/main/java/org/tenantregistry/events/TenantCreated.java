package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.Map;
import java.util.UUID;

/**
 * A tenant came into being, {@code active}, with all its details.
 *
 * @param number the short number the registry gives the tenant, unique and never reused; null on tenants created
 *               before numbers were given
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantCreated(
        UUID tenantId,
        String name,
        String slug,
        String domain,
        String timezone,
        int maxExtensions,
        Map<String, Object> settings,
        Branding branding,
        Profile profile,
        String partnerId,
        Integer number) implements TenantEvent {
}
