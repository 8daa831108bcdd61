package org.tenantregistry.query.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tenantregistry.query.tenant.TenantView;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A tenant on the wire. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "Tenant")
record TenantResponse(
        UUID id,
        String name,
        String slug,
        String domain,
        @Schema(allowableValues = {"active", "suspended", "deactivated", "deleted"}) String status,
        String suspensionReason,
        String timezone,
        int maxExtensions,
        Map<String, Object> settings,
        BrandingResponse branding,
        ProfileResponse profile,
        String partnerId,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Number of the tenant's events applied; the command side answers writes with it")
        long version,
        Instant deletedAt,
        CountsResponse counts) {

    static TenantResponse of(TenantView tenant) {
        return new TenantResponse(
                tenant.id(),
                tenant.name(),
                tenant.slug(),
                tenant.domain(),
                tenant.status().wireName(),
                tenant.suspensionReason(),
                tenant.timezone(),
                tenant.maxExtensions(),
                tenant.settings(),
                new BrandingResponse(tenant.branding().logoUrl(), tenant.branding().accentColor(),
                        tenant.branding().currency()),
                new ProfileResponse(tenant.profile().description(), tenant.profile().address(),
                        tenant.profile().city(), tenant.profile().postCode(), tenant.profile().countryCode(),
                        CountryNames.of(tenant.profile().countryCode())),
                tenant.partnerId(),
                tenant.createdAt(),
                tenant.updatedAt(),
                tenant.version(),
                tenant.deletedAt(),
                new CountsResponse(tenant.counts().extensions(), tenant.counts().users(),
                        tenant.counts().customDomains()));
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "Branding")
    record BrandingResponse(String logoUrl, String accentColor, String currency) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "Profile")
    record ProfileResponse(String description, String address, String city, String postCode, String countryCode,
                           @Schema(description = "English name derived from country_code") String countryName) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "RelatedCounts")
    record CountsResponse(int extensions, int users, int customDomains) {
    }
}
