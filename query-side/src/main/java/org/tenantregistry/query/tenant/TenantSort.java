package org.tenantregistry.query.tenant;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders a tenant list offers, each ending on the id so that page boundaries are stable. Each has an index on
 * (key, id) that PostgreSQL scans forwards or backwards, and a keyset condition that resumes after a given row on
 * that same index, so the page after a cursor costs what the first page costs.
 */
public enum TenantSort {
    CREATED_AT_DESC("-created_at", "created_at", "timestamptz", false),
    CREATED_AT("created_at", "created_at", "timestamptz", true),
    NAME("name", "lower(name)", "text", true),
    NAME_DESC("-name", "lower(name)", "text", false),
    SLUG("slug", "slug", "text", true),
    SLUG_DESC("-slug", "slug", "text", false);

    public static final TenantSort DEFAULT = CREATED_AT_DESC;

    private final String wireName;
    private final String key;
    private final String keyType;
    private final boolean ascending;

    TenantSort(String wireName, String key, String keyType, boolean ascending) {
        this.wireName = wireName;
        this.key = key;
        this.keyType = keyType;
        this.ascending = ascending;
    }

    public String wireName() {
        return wireName;
    }

    String orderBy() {
        String direction = ascending ? " ASC" : " DESC";
        return key + direction + ", id" + direction;
    }

    /** The row's sort key as text, for the cursor: PostgreSQL's own rendering, read back by {@link #after()}. */
    String keyAsText() {
        return key + "::text";
    }

    /**
     * Rows that come after the cursor's row in this order. A row comparison over the index's own columns, which
     * PostgreSQL turns into an index condition (a start position), not a filter.
     */
    String after() {
        return "(" + key + ", id) " + (ascending ? ">" : "<") + " (CAST(:afterKey__ AS " + keyType + "), :afterId__)";
    }

    public static Optional<TenantSort> fromWireName(String value) {
        return Arrays.stream(values()).filter(sort -> sort.wireName.equals(value)).findFirst();
    }
}
