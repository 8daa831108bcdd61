package org.tenantregistry.query.tenant;

import org.jspecify.annotations.Nullable;

/**
 * One page of tenants; {@code page} is 1-based.
 *
 * @param after    resume after this row (keyset) instead of skipping {@code (page - 1) * perPage} rows; the page
 *                 number then only numbers the page
 * @param totalCap a search counts its matches exactly up to this many, and reports "at least" beyond
 * @param reach    the tenants the caller may see; the page and its total hold no other
 */
public record FindTenants(TenantFilter filter, TenantSort sort, int page, int perPage, @Nullable TenantCursor after,
                          int totalCap, Reach reach) {

    /** How many tenants come before this page, by its number. */
    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
