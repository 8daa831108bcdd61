package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * How the tenant presents itself; every field is optional.
 *
 * @param logoUrl     an https URL
 * @param accentColor {@code #RRGGBB}
 * @param currency    an ISO 4217 code such as {@code EUR}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Branding(String logoUrl, String accentColor, String currency) {

    public static final Branding NONE = new Branding(null, null, null);
}
