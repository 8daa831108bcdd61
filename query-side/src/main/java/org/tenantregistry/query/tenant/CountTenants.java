package org.tenantregistry.query.tenant;

/** How many tenants match the filter. */
public record CountTenants(TenantFilter filter) {
}
