package org.tenantregistry.query.tenant;

import org.tenantregistry.events.Branding;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantStatus;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant as the read model knows it.
 *
 * @param number  the tenant's short number; null for a tenant created before numbers were given
 * @param version the number of the tenant's events applied so far, as the command side counts it
 */
public record TenantView(
        UUID id,
        Integer number,
        String name,
        String slug,
        String domain,
        TenantStatus status,
        String suspensionReason,
        String timezone,
        int maxExtensions,
        Map<String, Object> settings,
        Branding branding,
        Profile profile,
        String partnerId,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Instant deletedAt) {
}
