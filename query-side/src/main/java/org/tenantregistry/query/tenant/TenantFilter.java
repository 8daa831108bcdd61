package org.tenantregistry.query.tenant;

import org.tenantregistry.events.TenantStatus;

/**
 * Which tenants a list or count covers; every field but {@code includeDeleted} is optional (null).
 *
 * @param search         case-insensitive substring of name, slug, domain or profile description
 * @param name           the full name, case-insensitive (seed 001)
 * @param description    case-insensitive substring of the description (seed 001)
 * @param countryCode    ISO 3166-1 alpha-2, upper case
 * @param includeDeleted soft-deleted tenants are hidden unless asked for, here or by {@code status = DELETED}
 */
public record TenantFilter(String search, String name, String description, TenantStatus status, String partnerId,
                           String countryCode, boolean includeDeleted) {

    public static final TenantFilter ALL_EXISTING = new TenantFilter(null, null, null, null, null, null, false);

    /** Text to match: the counters, kept per status, partner and country, cannot answer it. */
    public boolean hasSearch() {
        return search != null && !search.isBlank() || name != null || description != null;
    }
}
