package org.tenantregistry.query.tenant;

/**
 * How many tenants match the filter.
 *
 * @param totalCap a search counts its matches exactly up to this many, and answers "at least" beyond
 * @param reach    the tenants the caller may see; no other is counted
 */
public record CountTenants(TenantFilter filter, int totalCap, Reach reach) {
}
