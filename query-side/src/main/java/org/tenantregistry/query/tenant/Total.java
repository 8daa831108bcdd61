package org.tenantregistry.query.tenant;

/**
 * How many tenants match: exact, or at least {@code value} when a search matched more than the count's cap (counting
 * every match of a broad term would read a tenth of a million rows per request).
 */
public record Total(long value, boolean exact) {

    static Total exactly(long value) {
        return new Total(value, true);
    }

    static Total atLeast(long value) {
        return new Total(value, false);
    }
}
