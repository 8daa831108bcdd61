package org.tenantregistry.command.tenant;

import org.tenantregistry.command.domain.CustomDomain;
import org.tenantregistry.command.resource.ResourceUsage;
import org.tenantregistry.events.MemberStatus;
import org.tenantregistry.events.TenantStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The tenant as a write left it: what every command handler answers, so that the REST answer carries the whole record
 * without a read of the stream or of the (eventually consistent) query side.
 *
 * @param number  the tenant's short number; null for a tenant created before numbers were allocated
 * @param usage   how many resources of each kind the tenant holds
 * @param domains the tenant's custom domains, in the order they were added
 * @param version the number of events in the tenant's stream, also its {@code ETag}
 */
public record TenantState(
        UUID id,
        Integer number,
        String slug,
        TenantDetails details,
        TenantStatus status,
        String suspensionReason,
        MemberStatus memberStatus,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        ResourceUsage usage,
        List<CustomDomain> domains,
        long version) {
}
