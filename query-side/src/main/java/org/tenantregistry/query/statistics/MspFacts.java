package org.tenantregistry.query.statistics;

import java.time.LocalDate;

/** What the dashboard groups one tenant by; "none" is the empty string, as in the counter keys. */
record MspFacts(String status, String partnerKey, String countryKey, int maxExtensions, int extensions,
                LocalDate createdOn) {

    MspFacts withStatus(String newStatus) {
        return new MspFacts(newStatus, partnerKey, countryKey, maxExtensions, extensions, createdOn);
    }

    MspFacts withPartner(String partnerId) {
        return new MspFacts(status, keyOf(partnerId), countryKey, maxExtensions, extensions, createdOn);
    }

    MspFacts withCountry(String countryCode) {
        return new MspFacts(status, partnerKey, keyOf(countryCode), maxExtensions, extensions, createdOn);
    }

    MspFacts withMaxExtensions(int newMaxExtensions) {
        return new MspFacts(status, partnerKey, countryKey, newMaxExtensions, extensions, createdOn);
    }

    /** @param by +1 for a registered extension, -1 for a released one */
    MspFacts withExtensionsChangedBy(int by) {
        return new MspFacts(status, partnerKey, countryKey, maxExtensions, extensions + by, createdOn);
    }

    static String keyOf(String value) {
        return value == null ? "" : value;
    }
}
