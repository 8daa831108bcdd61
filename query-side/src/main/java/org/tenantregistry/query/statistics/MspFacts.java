package org.tenantregistry.query.statistics;

import java.time.LocalDate;

/** What the dashboard groups one tenant by; "none" is the empty string, as in the counter keys. */
record MspFacts(String status, String partnerKey, String countryKey, int maxExtensions, LocalDate createdOn) {

    MspFacts withStatus(String newStatus) {
        return new MspFacts(newStatus, partnerKey, countryKey, maxExtensions, createdOn);
    }

    MspFacts withPartner(String partnerId) {
        return new MspFacts(status, keyOf(partnerId), countryKey, maxExtensions, createdOn);
    }

    MspFacts withCountry(String countryCode) {
        return new MspFacts(status, partnerKey, keyOf(countryCode), maxExtensions, createdOn);
    }

    MspFacts withMaxExtensions(int newMaxExtensions) {
        return new MspFacts(status, partnerKey, countryKey, newMaxExtensions, createdOn);
    }

    static String keyOf(String value) {
        return value == null ? "" : value;
    }
}
