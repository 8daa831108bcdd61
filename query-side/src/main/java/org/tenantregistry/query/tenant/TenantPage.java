package org.tenantregistry.query.tenant;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One page of a tenant list and the size of the whole list.
 *
 * @param next where the following page starts; null when this page is the last
 */
public record TenantPage(List<TenantView> tenants, Total total, @Nullable TenantCursor next) {
}
