package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Who the tenant is and where; every field is optional.
 *
 * @param countryCode an ISO 3166-1 alpha-2 code such as {@code DE}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Profile(String description, String address, String city, String postCode, String countryCode) {

    public static final Profile NONE = new Profile(null, null, null, null, null);
}
