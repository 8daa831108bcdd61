package org.tenantregistry.query.tenant;

import java.util.List;

/** One page of a tenant list and the size of the whole list. */
public record TenantPage(List<TenantView> tenants, long total) {
}
