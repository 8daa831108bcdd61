package org.tenantregistry.support.web;

import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * English country names from ISO 3166-1 alpha-2 codes, as the JDK knows them; no table of our own to keep. Both sides
 * show them as a tenant's {@code country_name}.
 */
public final class CountryNames {

    private CountryNames() {
    }

    /** Null for no code or a code the JDK has no name for. */
    public static String of(String countryCode) {
        if (countryCode == null || countryCode.isBlank()) {
            return null;
        }
        try {
            Locale region = new Locale.Builder().setRegion(countryCode.trim()).build();
            String name = region.getDisplayCountry(Locale.ENGLISH);
            return name.isEmpty() || name.equalsIgnoreCase(countryCode.trim()) ? null : name;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }
}
