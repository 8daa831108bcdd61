package org.tenantregistry.query.tenant;

import java.util.Arrays;
import java.util.Optional;

/** The orders a tenant list offers, each ending on the id so that page boundaries are stable. */
public enum TenantSort {
    CREATED_AT_DESC("-created_at", "created_at DESC, id DESC"),
    CREATED_AT("created_at", "created_at ASC, id ASC"),
    NAME("name", "lower(name) ASC, id ASC"),
    NAME_DESC("-name", "lower(name) DESC, id DESC"),
    SLUG("slug", "slug ASC, id ASC"),
    SLUG_DESC("-slug", "slug DESC, id DESC");

    public static final TenantSort DEFAULT = CREATED_AT_DESC;

    private final String wireName;
    private final String orderBy;

    TenantSort(String wireName, String orderBy) {
        this.wireName = wireName;
        this.orderBy = orderBy;
    }

    public String wireName() {
        return wireName;
    }

    String orderBy() {
        return orderBy;
    }

    public static Optional<TenantSort> fromWireName(String value) {
        return Arrays.stream(values()).filter(sort -> sort.wireName.equals(value)).findFirst();
    }
}
