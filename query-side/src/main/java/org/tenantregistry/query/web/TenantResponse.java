package org.tenantregistry.query.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.tenantregistry.query.tenant.TenantView;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A tenant on the wire. */
@Schema(name = "Tenant")
record TenantResponse(
        UUID id,
        String name,
        String slug,
        @Nullable String domain,
        @Schema(allowableValues = {"active", "suspended", "deactivated", "deleted"}) String status,
        @JsonProperty("suspension_reason") @Nullable String suspensionReason,
        String timezone,
        @JsonProperty("max_extensions") int maxExtensions,
        Map<String, Object> settings,
        BrandingResponse branding,
        ProfileResponse profile,
        @JsonProperty("partner_id") @Nullable String partnerId,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @Schema(description = "Number of the tenant's events applied; the command side answers writes with it")
        long version,
        @JsonProperty("deleted_at") @Nullable Instant deletedAt,
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

    @Schema(name = "Branding")
    record BrandingResponse(@JsonProperty("logo_url") @Nullable String logoUrl,
                            @JsonProperty("accent_color") @Nullable String accentColor,
                            @Nullable String currency) {
    }

    @Schema(name = "Profile")
    record ProfileResponse(@Nullable String description, @Nullable String address, @Nullable String city,
                           @JsonProperty("post_code") @Nullable String postCode,
                           @JsonProperty("country_code") @Nullable String countryCode,
                           @Schema(description = "English name derived from country_code; null without one")
                           @JsonProperty("country_name") @Nullable String countryName) {
    }

    @Schema(name = "RelatedCounts")
    record CountsResponse(int extensions, int users, @JsonProperty("custom_domains") int customDomains) {
    }
}
