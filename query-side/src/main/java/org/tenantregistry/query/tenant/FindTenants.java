package org.tenantregistry.query.tenant;

/** One page of tenants; {@code page} is 1-based. */
public record FindTenants(TenantFilter filter, TenantSort sort, int page, int perPage) {

    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
