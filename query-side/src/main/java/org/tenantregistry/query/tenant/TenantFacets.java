package org.tenantregistry.query.tenant;

/**
 * What tenants are counted by; "none" is the empty string so that it can be part of the counter table's key.
 */
record TenantFacets(String status, String partnerKey, String countryKey) {

    static TenantFacets of(String status, String partnerId, String countryCode) {
        return new TenantFacets(status, partnerId == null ? "" : partnerId, countryCode == null ? "" : countryCode);
    }
}
